class OrderedRegistry:
    def __init__(self):
        self._handlers = {}
        self._log = []

    def add(self, event, priority, fn):
        self._handlers.setdefault(event, []).append((priority, len(self._handlers.get(event, [])), fn))

    def emit(self, event, payload):
        results = []
        for priority, _, fn in sorted(self._handlers.get(event, []), key=lambda h: (-h[0], h[1])):
            results.append(fn(payload))
        self._log.append((event, payload))
        return results

    def replay(self):
        for event, payload in self._log:
            yield f"{event}:{payload}"

    def __len__(self):
        return sum(len(v) for v in self._handlers.values())

    def __contains__(self, event):
        return event in self._handlers
