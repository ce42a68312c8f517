'use client';
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { dragCrop, imagePlacement, MAX_ZOOM, zoomCrop, zoomOf, type SquareCrop } from '@/lib/media/square-crop';
import styles from './avatar.module.css';

type Point = { x: number; y: number };

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

/**
 * A square crop of a photo, shown through a round mask as the avatar will look: drag (mouse, pen,
 * one finger) to move, pinch, scroll or the slider to zoom, arrow keys and +/- from the keyboard.
 */
export function AvatarCropper({ image, crop, onChange }: { image: HTMLImageElement; crop: SquareCrop; onChange: (crop: SquareCrop) => void }) {
  const viewRef = useRef<HTMLDivElement>(null);
  const [viewSide, setViewSide] = useState(0);
  const pointers = useRef(new Map<number, Point>());
  const latest = useRef(crop);
  latest.current = crop;
  const size = { width: image.naturalWidth, height: image.naturalHeight };

  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const observer = new ResizeObserver(() => setViewSide(view.clientWidth));
    observer.observe(view);
    setViewSide(view.clientWidth);
    // A native listener: React's wheel listener is passive, and the page must not scroll instead.
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const box = view.getBoundingClientRect();
      const zoom = zoomOf(latest.current, size) * Math.exp(-event.deltaY * 0.002);
      onChange(zoomCrop(latest.current, size, zoom, { x: event.clientX - box.left, y: event.clientY - box.top }, view.clientWidth));
    };
    view.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      observer.disconnect();
      view.removeEventListener('wheel', onWheel);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the image's size is fixed for this cropper
  }, [image, onChange]);

  const local = (event: PointerEvent): Point => {
    const box = viewRef.current!.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    pointers.current.set(event.pointerId, local(event));
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const before = pointers.current.get(event.pointerId);
    if (!before || viewSide === 0) return;
    const now = local(event);
    const others = [...pointers.current.entries()].filter(([id]) => id !== event.pointerId).map(([, point]) => point);
    pointers.current.set(event.pointerId, now);
    if (others.length === 0) {
      onChange(dragCrop(latest.current, size, now.x - before.x, now.y - before.y, viewSide));
      return;
    }
    const other = others[0]!;
    const spreadBefore = distance(before, other);
    if (spreadBefore < 1) return;
    const zoom = zoomOf(latest.current, size) * (distance(now, other) / spreadBefore);
    onChange(zoomCrop(latest.current, size, zoom, { x: (now.x + other.x) / 2, y: (now.y + other.y) / 2 }, viewSide));
  };

  const onPointerEnd = (event: PointerEvent<HTMLDivElement>) => {
    pointers.current.delete(event.pointerId);
  };

  const centre = { x: viewSide / 2, y: viewSide / 2 };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 40 : 10;
    const moves: Record<string, [number, number]> = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    const move = moves[event.key];
    if (move) onChange(dragCrop(crop, size, move[0], move[1], viewSide));
    else if (event.key === '+' || event.key === '=') onChange(zoomCrop(crop, size, zoomOf(crop, size) * 1.1, centre, viewSide));
    else if (event.key === '-') onChange(zoomCrop(crop, size, zoomOf(crop, size) / 1.1, centre, viewSide));
    else return;
    event.preventDefault();
  };

  const placement = viewSide > 0 ? imagePlacement(crop, size, viewSide) : null;
  return (
    <div className={styles.cropper}>
      <div
        ref={viewRef} className={styles.cropView} tabIndex={0} role="group" data-testid="avatar-crop"
        aria-label="Photo crop: drag to move, pinch or scroll to zoom (arrow keys and + or - from the keyboard)"
        onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerEnd} onPointerCancel={onPointerEnd} onKeyDown={onKeyDown}
      >
        {placement && (
          // eslint-disable-next-line @next/next/no-img-element -- a local object URL being cropped
          <img
            src={image.src} alt="" draggable={false}
            style={{ left: placement.left, top: placement.top, width: placement.width, height: placement.height }}
          />
        )}
        <span className={styles.mask} aria-hidden="true" />
      </div>
      <label className={styles.zoom}>
        <span>Zoom</span>
        <input
          type="range" min={1} max={MAX_ZOOM} step={0.01} value={zoomOf(crop, size)} data-testid="avatar-zoom"
          onChange={(e) => onChange(zoomCrop(crop, size, Number(e.target.value), centre, viewSide || 1))}
        />
      </label>
    </div>
  );
}

