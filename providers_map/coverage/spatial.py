"""Nearest published locations to a point, through a k-d tree instead of all pairs.

Points are placed on the unit sphere (x, y, z). The straight line through the Earth between two points (the
chord) grows with the great-circle distance between them, so the point with the shortest chord is the point
nearest along the surface: the tree only compares chords to find it, and every distance reported is
`core.geo.distance_km` of that point (the one formula the site uses). Each point carries a bit mask (the service
types offered there, plus bit 0 for any early-care service); a subtree whose points lack the bit asked for is
never entered, so one tree answers «nearest of any kind» and «nearest offering this service» alike.

Built by splitting the longest side of each box at the median of its points (a sort per level), with small leaves.
"""

import heapq
import math

from core.geo import distance_km

LEAF_SIZE = 12
MAX_DEPTH = 64  # identical points cannot be split: past this depth they stay in one leaf
ALL_BITS = -1  # a mask every point with any bit matches


def unit_vector(lat, lon):
    phi, lam = math.radians(lat), math.radians(lon)
    cos_phi = math.cos(phi)
    return cos_phi * math.cos(lam), cos_phi * math.sin(lam), math.sin(phi)


class PointIndex:
    """`points`: a sequence of (lat, lon, mask, payload). Queries answer (distance_km, payload) pairs."""

    def __init__(self, points):
        self.lats, self.lons, self.payloads = [], [], []
        coords = ([], [], [])
        masks = []
        for lat, lon, mask, payload in points:
            x, y, z = unit_vector(lat, lon)
            coords[0].append(x)
            coords[1].append(y)
            coords[2].append(z)
            masks.append(mask)
            self.lats.append(lat)
            self.lons.append(lon)
            self.payloads.append(payload)
        self._coords, self._masks = coords, masks
        # Nodes in flat lists: a leaf has axis -1 and owns order[start:end]; an inner node splits at `split`.
        self.axis, self.split, self.left, self.right, self.start, self.end, self.mask = [], [], [], [], [], [], []
        self.order = []
        if masks:
            self._build(list(range(len(masks))), [-1.0, -1.0, -1.0], [1.0, 1.0, 1.0], 0)
        # Leaf contents copied into order for fast scans.
        self._xs = [coords[0][i] for i in self.order]
        self._ys = [coords[1][i] for i in self.order]
        self._zs = [coords[2][i] for i in self.order]
        self._leaf_masks = [masks[i] for i in self.order]

    def __len__(self):
        return len(self.payloads)

    def _node(self, axis, split, start, end, mask):
        self.axis.append(axis)
        self.split.append(split)
        self.left.append(-1)
        self.right.append(-1)
        self.start.append(start)
        self.end.append(end)
        self.mask.append(mask)
        return len(self.axis) - 1

    def _leaf(self, members):
        mask = 0
        for index in members:
            mask |= self._masks[index]
        start = len(self.order)
        self.order.extend(members)
        return self._node(-1, 0.0, start, len(self.order), mask)

    def _build(self, members, low, high, depth):
        if len(members) <= LEAF_SIZE or depth >= MAX_DEPTH:
            return self._leaf(members)
        axis = max(range(3), key=lambda a: high[a] - low[a])
        values = self._coords[axis]
        members.sort(key=values.__getitem__)
        middle = len(members) // 2
        split = values[members[middle - 1]]
        if split == values[members[-1]] and split == values[members[0]]:
            # all on one plane along the widest side: try the next side, or keep them together
            if high[axis] - low[axis] < 1e-12:
                return self._leaf(members)
            high = high[:]
            low = low[:]
            low[axis] = high[axis] = split
            return self._build(members, low, high, depth + 1)
        node = self._node(axis, split, 0, 0, 0)
        below_high, above_low = high[:], low[:]
        below_high[axis] = split
        above_low[axis] = split
        # Left holds values up to the split, right from it: a search's bound (q - split)² holds for both.
        left = self._build(members[:middle], low, below_high, depth + 1)
        right = self._build(members[middle:], above_low, high, depth + 1)
        self.left[node], self.right[node] = left, right
        self.mask[node] = self.mask[left] | self.mask[right]
        return node

    def _search(self, query, bit, count):
        """Positions (in `order`) of the `count` nearest points having `bit`, in no particular order."""
        qx, qy, qz = query
        heap = []  # (-chord², position): the farthest of those kept on top
        worst = math.inf
        xs, ys, zs, leaf_masks = self._xs, self._ys, self._zs, self._leaf_masks
        stack = [(0, 0.0)] if self.axis else []
        while stack:
            node, bound = stack.pop()
            if bound >= worst or not (self.mask[node] & bit):
                continue
            axis = self.axis[node]
            if axis < 0:
                for position in range(self.start[node], self.end[node]):
                    if leaf_masks[position] & bit:
                        dx, dy, dz = xs[position] - qx, ys[position] - qy, zs[position] - qz
                        d2 = dx * dx + dy * dy + dz * dz
                        if d2 < worst:
                            if len(heap) == count:
                                heapq.heapreplace(heap, (-d2, position))
                            else:
                                heapq.heappush(heap, (-d2, position))
                            if len(heap) == count:
                                worst = -heap[0][0]
                continue
            diff = query[axis] - self.split[node]
            near, far = (self.left[node], self.right[node]) if diff <= 0 else (self.right[node], self.left[node])
            # The far side waits on the stack under the near one, which is searched first and tightens `worst`.
            stack.append((far, max(bound, diff * diff)))
            stack.append((near, bound))
        return [position for _negative, position in heap]

    def distance_to(self, lat, lon, position):
        """core.geo's distance from (lat, lon) to the point at `position` (in `order`), in km."""
        index = self.order[position]
        return distance_km(lat, lon, self.lats[index], self.lons[index])

    def survey(self, lat, lon, bits, count):
        """Everything about one point in (mostly) one search: its `count` nearest points (Neighbours: distance_km
        and payload, nearest first) and the distance to the nearest point having each of `bits` (None where none
        has it).

        A bit that one of the `count` nearest points has is answered from them: every point nearer than the first
        such one is among them and lacks the bit. Only the bits none of them has need a search of their own (with
        a few service types at every address, that is rare)."""
        query = unit_vector(lat, lon)
        found = self._search(query, ALL_BITS, count)
        neighbours = Neighbours(
            self, lat, lon, sorted(found, key=lambda position: (self._chord2(query, position), self.order[position]))
        )
        leaf_masks = self._leaf_masks
        distances = []
        for bit in bits:
            rank = next((rank for rank, position in enumerate(neighbours.positions) if leaf_masks[position] & bit), -1)
            if rank >= 0:
                distances.append(neighbours.distance(rank))
            else:
                alone = self._search(query, bit, 1)
                distances.append(self.distance_to(lat, lon, alone[0]) if alone else None)
        return neighbours, distances

    def _chord2(self, query, position):
        dx, dy, dz = self._xs[position] - query[0], self._ys[position] - query[1], self._zs[position] - query[2]
        return dx * dx + dy * dy + dz * dz


class Neighbours:
    """The nearest points of a survey, nearest first: (distance_km, payload) pairs, each distance computed only
    when it is read (most callers read one or two)."""

    def __init__(self, index, lat, lon, positions):
        self.index, self.lat, self.lon, self.positions = index, lat, lon, positions
        self._distances = {}

    def __len__(self):
        return len(self.positions)

    def distance(self, rank):
        if rank not in self._distances:
            self._distances[rank] = self.index.distance_to(self.lat, self.lon, self.positions[rank])
        return self._distances[rank]

    def __getitem__(self, rank):
        return self.distance(rank), self.index.payloads[self.index.order[self.positions[rank]]]

    def __iter__(self):
        return (self[rank] for rank in range(len(self.positions)))
