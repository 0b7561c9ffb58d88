import './zodConfig';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startPresenterUrlFlag } from '../features/present/urlFlag';
import { startShareLinkHandling } from '../features/share/linkHandling';
import { startRunPersistence } from '../store/runPersistence';
import { startSetSync } from '../store/setSync';
import { startLargeInputSync } from '../store/largeInputSync';
import { startRankingIndexWarmer } from '../store/rankingIndexWarmer';
import { startTabSync } from '../store/tabSync';
import { startOfflineSupport } from '../features/offline/startOfflineSupport';
import { App } from './App';
import './index.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
startTabSync();
startOfflineSupport();
startPresenterUrlFlag();
startRankingIndexWarmer();
// A shared link is opened once the saved set and a large paste are back, so their loading cannot write over it.
// Saved runs come back before a link opens, so they cannot land on top of the link's setup.
void Promise.all([startSetSync(), startLargeInputSync()]).finally(async () => {
  await startRunPersistence();
  startShareLinkHandling();
});
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
