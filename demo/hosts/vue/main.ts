import 'customer-portal'; // registers the <portal-*> elements
import '../host.css'; // the host's own styles, bundled by Vite
import { createApp } from 'vue';
import SettingsPage from './SettingsPage.vue';

createApp(SettingsPage).mount('#app');
