import { useEffect } from 'react';
import { detectDevices } from '../rerankers/local/device';
import { useAppStore } from '../store';

/** Asks the browser once for a WebGPU adapter, so "Auto" can say what it will use before the first run. */
export function useDeviceDetection(): void {
  useEffect(() => {
    let live = true;
    void detectDevices().then((support) => {
      if (live) useAppStore.getState().setDeviceSupport(support);
    });
    return () => {
      live = false;
    };
  }, []);
}
