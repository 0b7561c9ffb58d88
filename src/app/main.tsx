import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startSetSync } from '../store/setSync';
import { App } from './App';
import './index.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
void startSetSync();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
