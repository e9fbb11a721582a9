/**
 * The zoom at which a canvas stays readable, and the view a canvas opens on: the whole graph
 * when it fits at that zoom or more, else that zoom on the start node (the user scrolls or pans
 * to the rest). Pure arithmetic on flow rectangles; the canvas applies the result.
 */

/**
 * The smallest zoom the canvas opens at or fits to: 12 px node text then shows at about 9.6 px,
 * the smallest that stays legible on an ordinary screen.
 */
export const MIN_READABLE_ZOOM = 0.8;

/** Zoom the canvas never opens or fits above (nodes drawn larger than life help nobody). */
export const MAX_FIT_ZOOM = 1;

/** Screen pixels kept free around the graph; more at the top, where the search box sits. */
const PADDING = 24;
const PADDING_TOP = 60;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/**
 * The offset on one axis: the whole extent centred in the room between the paddings when it
 * fits, else `focus` centred but never so far that empty space shows before the graph's start
 * or after its end.
 */
function axisOffset(screen: number, zoom: number, start: number, size: number, focus: number, before: number): number {
  const extent = size * zoom;
  if (extent + before + PADDING <= screen) return before + (screen - before - PADDING - extent) / 2 - start * zoom;
  const centred = screen / 2 - focus * zoom;
  const noGapBefore = before - start * zoom;
  const noGapAfter = screen - PADDING - (start + size) * zoom;
  return Math.min(noGapBefore, Math.max(noGapAfter, centred));
}

/**
 * The viewport a canvas of `screen` size opens on for a graph spanning `bounds` (flow
 * coordinates): everything when it fits at {@link MIN_READABLE_ZOOM} or more (at most
 * {@link MAX_FIT_ZOOM}), else {@link MIN_READABLE_ZOOM} centred on `focus` (the start node) as
 * far as the graph reaches, so a tall tree opens at its top with its start node in view.
 */
export function openingViewport(screen: { width: number; height: number }, bounds: Rect, focus: Rect | null): Viewport {
  const fit = Math.min(
    (screen.width - 2 * PADDING) / Math.max(bounds.width, 1),
    (screen.height - PADDING_TOP - PADDING) / Math.max(bounds.height, 1),
    MAX_FIT_ZOOM,
  );
  const zoom = Math.max(fit, MIN_READABLE_ZOOM);
  const centre = focus ?? bounds;
  return {
    zoom,
    x: axisOffset(screen.width, zoom, bounds.x, bounds.width, centre.x + centre.width / 2, PADDING),
    y: axisOffset(screen.height, zoom, bounds.y, bounds.height, centre.y + centre.height / 2, PADDING_TOP),
  };
}

/** The viewport that centres `rect` at `zoom` (a search match, a problem's node). */
export function centredOn(screen: { width: number; height: number }, rect: Rect, zoom: number): Viewport {
  return { zoom, x: screen.width / 2 - (rect.x + rect.width / 2) * zoom, y: screen.height / 2 - (rect.y + rect.height / 2) * zoom };
}
