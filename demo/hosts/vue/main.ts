import 'customer-portal'; // registers the <portal-*> elements
import { createApp } from 'vue';
import SettingsPage from './SettingsPage.vue';

createApp(SettingsPage).mount('#app');
