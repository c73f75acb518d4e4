"""Classes and method calls: a richards-style task scheduler simulation.

Tasks of several kinds (idle, worker, handler, device) exchange packets
through a scheduler that always runs the highest-priority ready task.
"""


class Packet:
    __slots__ = ("link", "ident", "kind", "datum", "data")

    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * 4

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        node = queue
        while node.link is not None:
            node = node.link
        node.link = self
        return queue


class Task:
    def __init__(self, scheduler, ident, priority, queue):
        self.scheduler = scheduler
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.waiting = queue is None
        self.held = False
        self.runs = 0

    def ready(self):
        return not self.held and (not self.waiting or self.queue is not None)

    def take_packet(self):
        packet = self.queue
        if packet is None:
            return None
        self.queue = packet.link
        return packet

    def receive(self, packet):
        self.queue = packet.append_to(self.queue)
        self.waiting = False

    def step(self):
        self.runs += 1
        self.run(self.take_packet())

    def run(self, packet):
        raise NotImplementedError


class IdleTask(Task):
    def __init__(self, scheduler, ident, priority, count):
        super().__init__(scheduler, ident, priority, None)
        self.waiting = False
        self.seed = 1
        self.count = count

    def run(self, packet):
        self.count -= 1
        if self.count == 0:
            self.scheduler.stop()
            return
        if self.seed & 1 == 0:
            self.seed >>= 1
            self.scheduler.release(DEVICE_A)
        else:
            self.seed = (self.seed >> 1) ^ 0xD008
            self.scheduler.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, scheduler, ident, priority, queue):
        super().__init__(scheduler, ident, priority, queue)
        self.destination = HANDLER_A
        self.counter = 0

    def run(self, packet):
        if packet is None:
            self.waiting = True
            return
        self.destination = HANDLER_B if self.destination == HANDLER_A else HANDLER_A
        packet.ident = self.destination
        packet.datum = 0
        for i in range(4):
            self.counter += 1
            if self.counter > 26:
                self.counter = 1
            packet.data[i] = self.counter
        self.scheduler.send(packet)


class HandlerTask(Task):
    def __init__(self, scheduler, ident, priority, queue, device):
        super().__init__(scheduler, ident, priority, queue)
        self.device = device
        self.work = None
        self.done = []

    def run(self, packet):
        if packet is not None:
            if packet.kind == "work":
                self.work = packet.append_to(self.work)
            else:
                self.done.append(packet)
        if self.work is not None and self.done:
            work = self.work
            index = work.datum
            if index >= 4:
                self.work = work.link
                work.ident = WORKER
                self.scheduler.send(work)
                return
            device_packet = self.done.pop()
            device_packet.datum = work.data[index]
            device_packet.ident = self.device
            work.datum = index + 1
            self.scheduler.send(device_packet)
            return
        self.waiting = True


class DeviceTask(Task):
    def __init__(self, scheduler, ident, priority):
        super().__init__(scheduler, ident, priority, None)
        self.pending = None
        self.total = 0

    def run(self, packet):
        if packet is None:
            if self.pending is None:
                self.waiting = True
                return
            packet = self.pending
            self.pending = None
            packet.ident = HANDLER_A if self.ident == DEVICE_A else HANDLER_B
            self.scheduler.send(packet)
        else:
            self.pending = packet
            self.total += packet.datum
            self.held = True


IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)


class Scheduler:
    def __init__(self):
        self.tasks = [None] * 6
        self.running = True
        self.sends = 0

    def add(self, task):
        self.tasks[task.ident] = task

    def stop(self):
        self.running = False

    def release(self, ident):
        self.tasks[ident].held = False

    def send(self, packet):
        self.sends += 1
        self.tasks[packet.ident].receive(packet)

    def run(self):
        order = sorted(self.tasks, key=lambda t: -t.priority)
        while self.running:
            for task in order:
                if task.ready():
                    task.step()
                    break
            else:
                break


def main(count):
    sched = Scheduler()
    sched.add(IdleTask(sched, IDLE, 0, count))
    work = None
    work = Packet(work, WORKER, "work")
    work = Packet(work, WORKER, "work")
    sched.add(WorkerTask(sched, WORKER, 1000, work))
    for handler, device in ((HANDLER_A, DEVICE_A), (HANDLER_B, DEVICE_B)):
        queue = None
        for _ in range(3):
            queue = Packet(queue, device, "device")
        sched.add(HandlerTask(sched, handler, 2000 + handler, queue, device))
        sched.add(DeviceTask(sched, device, 4000 + device))
    sched.run()
    runs = [task.runs for task in sched.tasks]
    totals = [sched.tasks[DEVICE_A].total, sched.tasks[DEVICE_B].total]
    return sched.sends, runs, totals


sends, runs, totals = main(160000)
print("sends:", sends)
print("runs:", runs)
print("device totals:", totals)
