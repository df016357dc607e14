"""The facilitator's map, arranged for a projector: the same picture, filling the screen.

The map was drawn in the panel's small type; on the wall its boxes are larger. Scaling the
whole picture up would keep the map's shape (often wider or taller than the screen) and the
type small, so instead the centres are stretched, across and down separately, until the boxes
fill the screen (left stays left, above stays above); boxes that then touch are pushed apart,
and a box covering another link's label is moved off it. Pure functions of box sizes and
centres, like map_layout.
"""

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

from ui.capture.map_layout import Box, Point

Pair = tuple[int, int]  # two box ids, the smaller first
ROUNDS = 60  # search steps for a stretch factor: far below a pixel
PASSES = 200  # push-apart passes at most (a crowd is widened every CROWDED passes)
CROWDED = 15
LOPSIDED = 1.25  # a map this much fuller one way than the other is pushed the other way


@dataclass(frozen=True)
class Spacing:
    gap: tuple[float, float]  # across and down, between any two boxes
    pairs: dict[Pair, tuple[float, float]] = field(default_factory=dict)  # linked ones: more
    plates: dict[Pair, tuple[float, float]] = field(default_factory=dict)  # labels' sizes


@dataclass(frozen=True)
class Spread:
    places: dict[int, Point]  # box id -> centre
    width: float  # of everything, with the margin
    height: float


def pair(a: int, b: int) -> Pair:
    return (a, b) if a <= b else (b, a)


def _extent(centres: Sequence[float], halves: Sequence[float], factor: float) -> float:
    ends = [(c * factor - h, c * factor + h) for c, h in zip(centres, halves, strict=True)]
    return max(end for _, end in ends) - min(start for start, _ in ends)


def _stretch(centres: Sequence[float], halves: Sequence[float], room: float) -> float:
    """The factor that makes the boxes span `room` (0 when the largest box alone is wider)."""
    if max(centres) - min(centres) < 1e-6 or _extent(centres, halves, 0.0) >= room:
        return 0.0
    low, high = 0.0, 1.0
    while _extent(centres, halves, high) < room:
        high *= 2
    for _ in range(ROUNDS):
        middle = (low + high) / 2
        if _extent(centres, halves, middle) <= room:
            low = middle
        else:
            high = middle
    return low


class _Pusher:
    """One separation: the boxes, their centres (changed in place) and the room's shape."""

    def __init__(
        self, boxes: Sequence[Box], centres: list[list[float]], spacing: Spacing, room: Point
    ):
        self.boxes = boxes
        self.centres = centres
        self.spacing = spacing
        self.room = room
        self.index = {box.id: i for i, box in enumerate(boxes)}
        self.prefer: int | None = None  # an axis, when the map has grown lopsided

    def run(self) -> None:
        widest = max(box.width for box in self.boxes)
        gaps = [self.spacing.gap[0], *(g[0] for g in self.spacing.pairs.values())]
        reach = widest * 1.5 + max(gaps)
        for attempt in range(PASSES):
            self._measure()
            order = sorted(range(len(self.boxes)), key=lambda k: self.centres[k][0])
            moved = False
            for a, i in enumerate(order):
                for j in order[a + 1 :]:
                    if self.centres[j][0] - self.centres[i][0] >= reach:
                        break  # sorted across: the rest are further still
                    moved = self._apart(i, j) or moved
            moved = self._off_plates(sorted((self.centres[k][0], k) for k in order)) or moved
            if not moved:
                return
            if attempt % CROWDED == CROWDED - 1:
                self._widen(1.1)

    def _measure(self) -> None:
        """How full each way the room already is: a lopsided map is pushed the other way."""
        xs, ys = [c[0] for c in self.centres], [c[1] for c in self.centres]
        across = _extent(xs, [b.width / 2 for b in self.boxes], 1.0) / self.room[0]
        down = _extent(ys, [b.height / 2 for b in self.boxes], 1.0) / self.room[1]
        self.prefer = 0 if down > across * LOPSIDED else 1 if across > down * LOPSIDED else None

    def _apart(self, i: int, j: int) -> bool:
        a, b = self.boxes[i], self.boxes[j]
        gap_x, gap_y = self.spacing.gap
        linked = self.spacing.pairs.get(pair(a.id, b.id))
        if linked is not None:  # the label sits halfway between centres, not between edges
            gap_x = max(gap_x, linked[0] + abs(a.width - b.width) / 2)
            gap_y = max(gap_y, linked[1] + abs(a.height - b.height) / 2)
        dx = self.centres[j][0] - self.centres[i][0]
        dy = self.centres[j][1] - self.centres[i][1]
        over_x = (a.width + b.width) / 2 + gap_x - abs(dx)
        over_y = (a.height + b.height) / 2 + gap_y - abs(dy)
        if over_x <= 0 or over_y <= 0:
            return False
        axis = self._axis(over_x, over_y)
        over, delta = (over_x, dx) if axis == 0 else (over_y, dy)
        if delta == 0:
            delta = float(j - i)  # same spot: the later one goes right or down
        push = (over / 2 + 0.5) * (1 if delta > 0 else -1)
        self.centres[i][axis] -= push
        self.centres[j][axis] += push
        return True

    def _off_plates(self, across: list[tuple[float, int]]) -> bool:
        """A box over another link's label moves off it (the label stays between its ends);
        `across` is every centre's x with its box, sorted, to look only near each label."""
        moved = False
        pad_x, pad_y = self.spacing.gap[0] / 3, self.spacing.gap[1] / 3
        widest = max(box.width for box in self.boxes)
        for (first, second), (plate_w, plate_h) in self.spacing.plates.items():
            i, j = self.index.get(first), self.index.get(second)
            if i is None or j is None:
                continue
            mx = (self.centres[i][0] + self.centres[j][0]) / 2
            my = (self.centres[i][1] + self.centres[j][1]) / 2
            near = (plate_w + widest) / 2 + pad_x
            start = bisect_left(across, (mx - near, -1))
            for _, k in across[start:]:
                box = self.boxes[k]
                if self.centres[k][0] > mx + near:
                    break
                if k in (i, j):
                    continue
                dx, dy = self.centres[k][0] - mx, self.centres[k][1] - my
                over_x = (plate_w + box.width) / 2 + pad_x - abs(dx)
                over_y = (plate_h + box.height) / 2 + pad_y - abs(dy)
                if over_x <= 0 or over_y <= 0:
                    continue
                axis = self._axis(over_x, over_y)
                over, delta = (over_x, dx) if axis == 0 else (over_y, dy)
                self.centres[k][axis] += (over + 0.5) * (1 if delta >= 0 else -1)
                moved = True
        return moved

    def _axis(self, over_x: float, over_y: float) -> int:
        """The smaller move for the room's shape, unless the map has grown lopsided."""
        if self.prefer is not None:
            return self.prefer
        return 0 if over_x / self.room[0] < over_y / self.room[1] else 1

    def _widen(self, factor: float) -> None:
        mx = sum(c[0] for c in self.centres) / len(self.centres)
        my = sum(c[1] for c in self.centres) / len(self.centres)
        for centre in self.centres:
            centre[0] = mx + (centre[0] - mx) * factor
            centre[1] = my + (centre[1] - my) * factor


def spread(
    boxes: Sequence[Box], width: float, height: float, margin: float, spacing: Spacing
) -> Spread:
    """Centres that fill width x height (inside `margin`), no two boxes closer than their
    spacing and none over a link's label; the result is wider or taller than the room when
    the boxes could not fit it (the view then shrinks the picture)."""
    if not boxes:
        return Spread({}, 0.0, 0.0)
    xs, ys = [b.x for b in boxes], [b.y for b in boxes]
    half_w, half_h = [b.width / 2 for b in boxes], [b.height / 2 for b in boxes]
    sx = _stretch(xs, half_w, width - 2 * margin)
    sy = _stretch(ys, half_h, height - 2 * margin)
    centres = [[x * sx, y * sy] for x, y in zip(xs, ys, strict=True)]
    _Pusher(boxes, centres, spacing, (width, height)).run()
    left = min(c[0] - h for c, h in zip(centres, half_w, strict=True))
    right = max(c[0] + h for c, h in zip(centres, half_w, strict=True))
    top = min(c[1] - h for c, h in zip(centres, half_h, strict=True))
    bottom = max(c[1] + h for c, h in zip(centres, half_h, strict=True))
    # Centred in the room (or from the margin when larger than it).
    dx = margin - left + max(0.0, (width - 2 * margin - (right - left)) / 2)
    dy = margin - top + max(0.0, (height - 2 * margin - (bottom - top)) / 2)
    places = {b.id: (c[0] + dx, c[1] + dy) for b, c in zip(boxes, centres, strict=True)}
    wide, tall = right - left + 2 * margin, bottom - top + 2 * margin
    return Spread(places, max(width, wide), max(height, tall))
