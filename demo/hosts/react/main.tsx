import 'customer-portal'; // registers the elements before React renders them, so props become properties
import { createRoot } from 'react-dom/client';
import { SettingsPage } from './settings-page.tsx';

createRoot(document.getElementById('root')!).render(<SettingsPage />);
