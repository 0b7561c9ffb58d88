import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startSetSync } from '../store/setSync';
import { startLargeInputSync } from '../store/largeInputSync';
import { startTabSync } from '../store/tabSync';
import { App } from './App';
import './index.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
void startSetSync();
startTabSync();
void startLargeInputSync();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
