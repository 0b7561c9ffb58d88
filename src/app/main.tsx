import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startShareLinkHandling } from '../features/share/linkHandling';
import { startSetSync } from '../store/setSync';
import { startLargeInputSync } from '../store/largeInputSync';
import { startTabSync } from '../store/tabSync';
import { App } from './App';
import './index.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
startTabSync();
// A shared link is opened once the saved set and a large paste are back, so their loading cannot write over it.
void Promise.all([startSetSync(), startLargeInputSync()]).finally(() => startShareLinkHandling());
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
