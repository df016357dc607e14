"""Where actors go on the map: a tidy layout for the whole map, and a free spot for a new actor.

Pure functions of box sizes, positions and links (no Qt), so they are tested on their own.

The tidy layout is a small force-directed layout (Fruchterman and Reingold, 1991): linked actors
pull together, all actors push apart, a weak pull to the centre keeps separate groups in view;
then a pass pushes overlapping boxes apart, widening the map until no two touch. It is written
in plain math rather than taken from networkx: a room's map has tens of actors, the whole method
is a few dozen lines, networkx's spring_layout would add a large dependency (and numpy) for it,
and it places points, not labelled boxes, so the overlap pass would be needed anyway.
The same input always gives the same layout (a fixed seed, no clock, no set order).
"""

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from random import Random

Point = tuple[float, float]

GAP = 28.0  # space kept between two boxes
SPREAD = 1.3  # linked boxes' centres this many average box diagonals apart (labels fit between)
ITERATIONS = 160
TRIES = 4  # layouts from different seeds; the one whose links cross least wins
GRAVITY = 0.04  # pull to the centre, as a share of the distance, per iteration
MAX_EXPANSIONS = 80


@dataclass(frozen=True)
class Box:
    """One actor as the layout sees it: its size and where its centre is now."""

    id: int
    width: float
    height: float
    x: float = 0.0
    y: float = 0.0


def overlap(a: Box, b: Box, gap: float = 0.0) -> bool:
    """Whether two boxes (at their own x, y) come closer than `gap`."""
    return (
        abs(a.x - b.x) < (a.width + b.width) / 2 + gap
        and abs(a.y - b.y) < (a.height + b.height) / 2 + gap
    )


def tidy_layout(
    boxes: Sequence[Box], links: Iterable[tuple[int, int]], *, seed: int = 7, gap: float = GAP
) -> dict[int, Point]:
    """New centres for every box, centred where the boxes are now, no two closer than `gap`."""
    if not boxes:
        return {}
    index = {box.id: i for i, box in enumerate(boxes)}
    edges = sorted(
        {
            (min(index[s], index[t]), max(index[s], index[t]))
            for s, t in links
            if s in index and t in index and s != t
        }
    )
    ideal = _ideal_distance(boxes, gap)
    tries = [
        _separate(boxes, _spring(len(boxes), edges, ideal, Random(seed + t)), gap)
        for t in range(TRIES if len(boxes) <= 30 else 2)  # a big map: time matters more
    ]
    points = min(tries, key=lambda p: _crossings(p, edges))  # the first of the least tangled
    cx = sum(box.x for box in boxes) / len(boxes)
    cy = sum(box.y for box in boxes) / len(boxes)
    mx = sum(p[0] for p in points) / len(points)
    my = sum(p[1] for p in points) / len(points)
    return {
        box.id: (round(x - mx + cx, 1), round(y - my + cy, 1))
        for box, (x, y) in zip(boxes, points, strict=True)
    }


def _ideal_distance(boxes: Sequence[Box], gap: float) -> float:
    """How far apart two linked actors sit: room for both boxes and a label between them."""
    size = sum(math.hypot(box.width, box.height) for box in boxes) / len(boxes)
    return size * SPREAD + gap


def _spring(n: int, edges: list[tuple[int, int]], k: float, rng: Random) -> list[list[float]]:
    side = k * math.sqrt(n) * 1.5
    pos = [[rng.uniform(-side / 2, side / 2), rng.uniform(-side / 2, side / 2)] for _ in range(n)]
    k2 = k * k
    start = side / 8
    for step in range(ITERATIONS):
        moves = [[0.0, 0.0] for _ in range(n)]
        for i in range(n):
            xi, yi = pos[i]
            move_i = moves[i]
            for j in range(i + 1, n):
                dx = xi - pos[j][0]
                dy = yi - pos[j][1]
                d2 = dx * dx + dy * dy
                if d2 < 1e-6:  # the same place: push apart in a seeded direction
                    angle = rng.uniform(0, 2 * math.pi)
                    dx, dy, d2 = math.cos(angle), math.sin(angle), 1.0
                force = k2 / d2  # repulsion k²/d along the unit vector
                move_i[0] += dx * force
                move_i[1] += dy * force
                moves[j][0] -= dx * force
                moves[j][1] -= dy * force
        for i, j in edges:
            dx = pos[i][0] - pos[j][0]
            dy = pos[i][1] - pos[j][1]
            force = math.sqrt(dx * dx + dy * dy) / k  # attraction d²/k along the unit vector
            moves[i][0] -= dx * force
            moves[i][1] -= dy * force
            moves[j][0] += dx * force
            moves[j][1] += dy * force
        limit = start * (1 - step / ITERATIONS) + k * 0.01  # cooling
        for point, move in zip(pos, moves, strict=True):
            mx = move[0] - point[0] * GRAVITY * k / 10
            my = move[1] - point[1] * GRAVITY * k / 10
            length = math.hypot(mx, my)
            if length > limit:
                mx, my = mx / length * limit, my / length * limit
            point[0] += mx
            point[1] += my
    return pos


def _separate(boxes: Sequence[Box], pos: list[list[float]], gap: float) -> list[Point]:
    """Push overlapping boxes apart along their shorter overlap; widen the map if that stalls."""
    n = len(boxes)
    half_w = [box.width / 2 for box in boxes]
    half_h = [box.height / 2 for box in boxes]
    for _ in range(MAX_EXPANSIONS):
        for _ in range(40):
            moved = False
            for i in range(n):
                for j in range(i + 1, n):
                    dx = pos[j][0] - pos[i][0]
                    dy = pos[j][1] - pos[i][1]
                    over_x = half_w[i] + half_w[j] + gap - abs(dx)
                    over_y = half_h[i] + half_h[j] + gap - abs(dy)
                    if over_x <= 0 or over_y <= 0:
                        continue
                    moved = True
                    if over_x < over_y:
                        push = (over_x / 2 + 0.5) * (1 if dx >= 0 else -1)
                        pos[i][0] -= push
                        pos[j][0] += push
                    else:
                        push = (over_y / 2 + 0.5) * (1 if dy >= 0 else -1)
                        pos[i][1] -= push
                        pos[j][1] += push
            if not moved:
                return [(x, y) for x, y in pos]
        mx = sum(p[0] for p in pos) / n
        my = sum(p[1] for p in pos) / n
        for point in pos:  # crowded: spread everything out a little and try again
            point[0] = mx + (point[0] - mx) * 1.15
            point[1] = my + (point[1] - my) * 1.15
    return [(x, y) for x, y in pos]


def _crossings(points: list[Point], edges: list[tuple[int, int]]) -> int:
    """How many pairs of links cross (links sharing an actor do not count)."""

    def side(a: Point, b: Point, c: Point) -> float:
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    count = 0
    for n, (i, j) in enumerate(edges):
        for k, m in edges[n + 1 :]:
            if len({i, j, k, m}) < 4:
                continue
            p, q, r, s = points[i], points[j], points[k], points[m]
            if side(p, q, r) * side(p, q, s) < 0 and side(r, s, p) * side(r, s, q) < 0:
                count += 1
    return count


def free_spot(
    boxes: Sequence[Box], width: float, height: float, near: Point, gap: float = GAP
) -> Point:
    """The centre nearest `near` where a width x height box touches none of `boxes`.

    Candidates lie on a grid of box-sized cells (with room for a link label between), ring by
    ring around `near`; within a ring the nearest cells first, the right side before the left.
    """
    step_x, step_y = width + 2 * gap, height + 2 * gap
    for ring in range(60):
        cells = [
            (dx, dy)
            for dx in range(-ring, ring + 1)
            for dy in range(-ring, ring + 1)
            if max(abs(dx), abs(dy)) == ring
        ]
        cells.sort(key=lambda c: (math.hypot(*c), -c[0], c[1]))
        for dx, dy in cells:
            spot = Box(0, width, height, near[0] + dx * step_x, near[1] + dy * step_y)
            if not any(overlap(spot, box, gap) for box in boxes):
                return spot.x, spot.y
    return near[0], near[1] + 60 * step_y
