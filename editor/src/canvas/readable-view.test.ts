import { MIN_READABLE_ZOOM, centredOn, openingViewport } from './readable-view';

const screen = { width: 800, height: 600 };
const start = { x: 0, y: 0, width: 240, height: 70 };

describe('the view a canvas opens on', () => {
  it('shows a small graph whole, centred, never larger than life', () => {
    const bounds = { x: 0, y: 0, width: 500, height: 200 };
    const view = openingViewport(screen, bounds, start);
    expect(view.zoom).toBe(1);
    // Centred horizontally; vertically in the room below the search box.
    expect(view.x).toBe(150);
    expect(view.y).toBeGreaterThan(60);
  });

  it('fits a graph that fits at a legible zoom', () => {
    const bounds = { x: 0, y: 0, width: 900, height: 400 };
    const view = openingViewport(screen, bounds, start);
    expect(view.zoom).toBeGreaterThanOrEqual(MIN_READABLE_ZOOM);
    expect(view.zoom).toBeLessThan(1);
  });

  it('opens a tall reference-size tree at the legible minimum on its start node, its top-left corner in view', () => {
    const bounds = { x: 0, y: 0, width: 1240, height: 1620 };
    const view = openingViewport(screen, bounds, start);
    expect(view.zoom).toBe(MIN_READABLE_ZOOM);
    // The start node is at the top left of the tree: no empty space is shown before it.
    expect(view.x).toBe(24);
    expect(view.y).toBe(60);
  });

  it('centres the start node of a wide graph that reaches on both sides of it (a routing graph)', () => {
    const bounds = { x: -900, y: 0, width: 2180, height: 600 };
    const view = openingViewport(screen, bounds, start);
    expect(view.zoom).toBe(MIN_READABLE_ZOOM);
    expect(view.x + (start.x + start.width / 2) * view.zoom).toBeCloseTo(screen.width / 2);
  });

  it('centres a node at a zoom', () => {
    const view = centredOn(screen, { x: 100, y: 100, width: 200, height: 100 }, 0.8);
    expect(view).toEqual({ zoom: 0.8, x: 400 - 200 * 0.8, y: 300 - 150 * 0.8 });
  });
});
