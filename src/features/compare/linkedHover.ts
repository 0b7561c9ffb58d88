import { create } from 'zustand';

/**
 * Which document the reader is pointing at, so that its rows in every column and its lines light up
 * together. Transient UI state: kept out of the app store, never persisted.
 */
interface LinkedHoverState {
  hoveredId: string | null;
  /** Keyboard focus within a row: it stays highlighted while the mouse wanders elsewhere and back. */
  focusedId: string | null;
  hover: (docId: string) => void;
  unhover: (docId: string) => void;
  focus: (docId: string) => void;
  blur: (docId: string) => void;
}

export const useLinkedHover = create<LinkedHoverState>()((set) => ({
  hoveredId: null,
  focusedId: null,
  hover: (docId) => set({ hoveredId: docId }),
  // Only clear our own id: leaving one row and entering the next can arrive in either order.
  unhover: (docId) => set((s) => (s.hoveredId === docId ? { hoveredId: null } : s)),
  focus: (docId) => set({ focusedId: docId }),
  blur: (docId) => set((s) => (s.focusedId === docId ? { focusedId: null } : s)),
}));

/** The mouse wins over keyboard focus: it is what the reader is looking at now. */
export const selectHighlightedId = (s: LinkedHoverState): string | null => s.hoveredId ?? s.focusedId;
