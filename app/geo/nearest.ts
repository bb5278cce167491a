/**
 * The points of a k-d tree (kdbush) nearest first from a place, one at a time, on the sphere, by
 * the same great-circle distance as distanceKm.
 *
 * Why not geokdbush's `around`: matching takes services from many streams a few at a time and
 * stops each as soon as nothing further away could make the results. `around` starts from the
 * root on every call, so asking for more meant searching again for twice as many; and it queues
 * every point of each leaf it opens, however far. This search keeps its queue between calls, never
 * queues what lies beyond its reach, and the reach may only shrink (limitTo) — so nothing queued
 * ever has to come back.
 *
 * Best first: a queue of tree nodes, keyed by the least distance any point inside their box could
 * have, and of points, keyed by their own; a point popped is nearer than anything left.
 */
import type KDBush from "kdbush";
import { haversine, haversineOfKm, kmOfHaversine, toRadians } from "./distance";

/** A reach in km as a haversine, a hair beyond: rounding must not drop a point exactly that far (those who ask measure again). */
const reachOf = (km: number) => haversineOfKm(km) * (1 + 1e-9);

const extents = new WeakMap<KDBush, [number, number, number, number]>();

/**
 * The box around the tree's points, measured once per tree. Nodes' boxes are cut from it: from the
 * whole Earth's instead, the outer nodes' boxes would reach the far side of the world, and a search
 * from a place far from every point would open node after node to find nothing.
 */
function extentOf(tree: KDBush): [number, number, number, number] {
  let extent = extents.get(tree);
  if (!extent) {
    let [minLng, minLat, maxLng, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let n = 0; n < tree.ids.length; n++) {
      minLng = Math.min(minLng, tree.coords[2 * n]!);
      maxLng = Math.max(maxLng, tree.coords[2 * n]!);
      minLat = Math.min(minLat, tree.coords[2 * n + 1]!);
      maxLat = Math.max(maxLat, tree.coords[2 * n + 1]!);
    }
    extents.set(tree, (extent = [minLng, minLat, maxLng, maxLat]));
  }
  return extent;
}

export class NearestPoints {
  private readonly cosLat: number;
  /** Queued points (their position in the tree, ≥ 0) and nodes (-1 - their slot), and each one's haversine. */
  private readonly queued: number[] = [];
  private readonly keys: number[] = [];
  /** Queued nodes by slot: first and last position in the tree, axis (0 longitude, 1 latitude), box. */
  private readonly nodes: number[] = [];
  private readonly freeSlots: number[] = [];
  /** Beyond this haversine nothing is wanted. */
  private reach: number;

  constructor(
    private readonly tree: KDBush,
    private readonly lat: number,
    private readonly lng: number,
    reachKm: number,
    /** Which points may come out (by their id, the order they were added in); all when absent. */
    private readonly accept?: (id: number) => boolean,
  ) {
    this.cosLat = Math.cos(toRadians(lat));
    this.reach = reachOf(reachKm);
    if (tree.ids.length > 0) {
      const [minLng, minLat, maxLng, maxLat] = extentOf(tree);
      this.queueNode(0, tree.ids.length - 1, 0, minLng, minLat, maxLng, maxLat);
    }
  }

  /** From now on, points further than `km` are not wanted (a reach only ever shrinks). */
  limitTo(km: number): void {
    this.reach = Math.min(this.reach, reachOf(km));
  }

  /** How far the nearest point not yet taken is (it stays to be taken); Infinity when none is left within reach. */
  peekKm(): number {
    return this.nearestPosition() < 0 ? Number.POSITIVE_INFINITY : kmOfHaversine(this.keys[0]!);
  }

  /** Takes the nearest point not yet taken: its id, or -1 when none is left within reach. */
  next(): number {
    const position = this.nearestPosition();
    if (position < 0) return -1;
    this.pop();
    return this.tree.ids[position]!;
  }

  /** Opens nodes until the queue's head is a point within reach: its position in the tree, or -1. */
  private nearestPosition(): number {
    for (;;) {
      if (this.queued.length === 0 || this.keys[0]! > this.reach) return -1;
      const head = this.queued[0]!;
      if (head >= 0) return head;
      this.pop();
      this.open(-1 - head);
    }
  }

  private open(slot: number): void {
    const { nodes, tree } = this;
    const at = slot * 7;
    const left = nodes[at]!;
    const right = nodes[at + 1]!;
    const axis = nodes[at + 2]!;
    const minLng = nodes[at + 3]!;
    const minLat = nodes[at + 4]!;
    const maxLng = nodes[at + 5]!;
    const maxLat = nodes[at + 6]!;
    this.freeSlots.push(slot);
    if (right - left <= tree.nodeSize) {
      for (let position = left; position <= right; position++) this.queuePoint(position);
      return;
    }
    // kdbush's layout: the middle point splits the rest by the node's axis, alternating.
    const middle = (left + right) >> 1;
    const middleLng = tree.coords[2 * middle]!;
    const middleLat = tree.coords[2 * middle + 1]!;
    this.queuePoint(middle);
    const next = 1 - axis;
    if (axis === 0) {
      this.queueNode(left, middle - 1, next, minLng, minLat, middleLng, maxLat);
      this.queueNode(middle + 1, right, next, middleLng, minLat, maxLng, maxLat);
    } else {
      this.queueNode(left, middle - 1, next, minLng, minLat, maxLng, middleLat);
      this.queueNode(middle + 1, right, next, minLng, middleLat, maxLng, maxLat);
    }
  }

  private queuePoint(position: number): void {
    const { tree } = this;
    const key = haversine(this.lat, this.cosLat, tree.coords[2 * position + 1]!, tree.coords[2 * position]! - this.lng);
    if (key > this.reach || (this.accept && !this.accept(tree.ids[position]!))) return;
    this.push(position, key);
  }

  private queueNode(left: number, right: number, axis: number, minLng: number, minLat: number, maxLng: number, maxLat: number): void {
    if (left > right) return;
    const key = this.leastHaversine(minLng, minLat, maxLng, maxLat);
    if (key > this.reach) return;
    const slot = this.freeSlots.pop() ?? this.nodes.length / 7;
    const at = slot * 7;
    const { nodes } = this;
    nodes[at] = left;
    nodes[at + 1] = right;
    nodes[at + 2] = axis;
    nodes[at + 3] = minLng;
    nodes[at + 4] = minLat;
    nodes[at + 5] = maxLng;
    nodes[at + 6] = maxLat;
    this.push(-1 - slot, key);
  }

  /**
   * No point in the box has a smaller haversine: each of its terms at its least — the latitudes as
   * close as the box allows, the longitudes too (the short way round), and the cosine of the point's
   * latitude at its least in the box.
   */
  private leastHaversine(minLng: number, minLat: number, maxLng: number, maxLat: number): number {
    const { lat, lng } = this;
    const latGap = lat < minLat ? minLat - lat : lat > maxLat ? lat - maxLat : 0;
    // Outside the box's longitudes, the nearer of its two edges, going east or west (never over 180°).
    const lngGap = lng < minLng || lng > maxLng ? Math.min((((minLng - lng) % 360) + 360) % 360, (((lng - maxLng) % 360) + 360) % 360) : 0;
    const leastCos = Math.min(Math.cos(toRadians(minLat)), Math.cos(toRadians(maxLat)));
    return Math.sin(toRadians(latGap) / 2) ** 2 + this.cosLat * Math.max(0, leastCos) * Math.sin(toRadians(lngGap) / 2) ** 2;
  }

  // A binary heap over two arrays, least key first.

  private push(item: number, key: number): void {
    const { queued, keys } = this;
    let at = queued.length;
    queued.push(item);
    keys.push(key);
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (keys[parent]! <= key) break;
      queued[at] = queued[parent]!;
      keys[at] = keys[parent]!;
      at = parent;
    }
    queued[at] = item;
    keys[at] = key;
  }

  private pop(): void {
    const { queued, keys } = this;
    const lastItem = queued.pop()!;
    const lastKey = keys.pop()!;
    const size = queued.length;
    if (size === 0) return;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && keys[child + 1]! < keys[child]!) child++;
      if (keys[child]! >= lastKey) break;
      queued[at] = queued[child]!;
      keys[at] = keys[child]!;
      at = child;
    }
    queued[at] = lastItem;
    keys[at] = lastKey;
  }
}
