import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './fonts/script-fonts.css';
import './global.css';
import './accessible-colours.css';
import './focus.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { App } from './App';
import { theme } from './theme';
import { colorSchemeManager } from './appearance/color-scheme';
import { VaultProvider } from './vault/VaultProvider';
import { StartupScreen } from './screens/StartupScreen';
import { blockExternalNavigation } from './shell/block-external';

// Before anything renders: no popups, and no link click leaves the app (see block-external.ts).
blockExternalNavigation();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="auto" colorSchemeManager={colorSchemeManager}>
      <DatesProvider settings={{ locale: 'en', firstDayOfWeek: 1 }}>
        <Notifications position="top-right" />
        <VaultProvider startup={StartupScreen}>
          <App />
        </VaultProvider>
      </DatesProvider>
    </MantineProvider>
  </StrictMode>,
);
