# Richards: a simulation of the task dispatcher of a small operating system.
#
# Written for Stitch from the published description of Martin Richards'
# benchmark (as used in the Are-We-Fast-Yet suite and pyperformance):
# six tasks (idle, worker, two handlers, two devices) exchange packets
# through a priority scheduler.  With an idle-task count of 10000 the run
# queues 23246 packets and performs 9297 hold operations.
import sys
import time

DEFAULT_ITERATIONS = 10
RUNS_PER_ITERATION = 4
IDLE_COUNT = 10000
EXPECTED_QUEUE_COUNT = 23246
EXPECTED_HOLD_COUNT = 9297

# Task identities (index into the scheduler's task table).
IDLE = 0
WORKER = 1
HANDLER_A = 2
HANDLER_B = 3
DEVICE_A = 4
DEVICE_B = 5

# Packet kinds.
DEVICE_PACKET = 0
WORK_PACKET = 1

# Task state bits.
PENDING = 1   # a packet is waiting in the task's input queue
WAITING = 2   # the task waits for a packet
HOLDING = 4   # the task is suspended until released


def fail(reason):
    print("FAILED: " + reason)
    sys.exit(1)


class Packet:
    def __init__(self, link, destination, kind):
        self.link = link
        self.destination = destination
        self.kind = kind
        self.datum = 0
        self.data = [0, 0, 0, 0]


def append_packet(packet, queue):
    """Append packet to the end of queue and return the queue head."""
    packet.link = None
    if queue is None:
        return packet
    last = queue
    while last.link is not None:
        last = last.link
    last.link = packet
    return queue


class Task:
    def __init__(self, scheduler, ident, priority, queue, state):
        self.scheduler = scheduler
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.state = state
        self.link = scheduler.task_list
        scheduler.task_list = self
        scheduler.tasks[ident] = self

    def run(self, packet):
        fail("abstract task run")


class IdleTask(Task):
    def __init__(self, scheduler, ident, priority, count):
        Task.__init__(self, scheduler, ident, priority, None, 0)
        self.seed = 1
        self.count = count

    def run(self, packet):
        s = self.scheduler
        self.count -= 1
        if self.count == 0:
            return s.hold_current()
        if (self.seed & 1) == 0:
            self.seed = self.seed >> 1
            return s.release(DEVICE_A)
        self.seed = (self.seed >> 1) ^ 0xD008
        return s.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, scheduler, ident, priority, queue):
        Task.__init__(self, scheduler, ident, priority, queue, WAITING | PENDING)
        self.target = HANDLER_A
        self.letter = 0

    def run(self, packet):
        s = self.scheduler
        if packet is None:
            return s.wait_current()
        if self.target == HANDLER_A:
            self.target = HANDLER_B
        else:
            self.target = HANDLER_A
        packet.destination = self.target
        packet.datum = 0
        data = packet.data
        for i in range(4):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            data[i] = self.letter
        return s.queue_packet(packet)


class HandlerTask(Task):
    def __init__(self, scheduler, ident, priority, queue):
        Task.__init__(self, scheduler, ident, priority, queue, WAITING | PENDING)
        self.work_queue = None
        self.device_queue = None

    def run(self, packet):
        s = self.scheduler
        if packet is not None:
            if packet.kind == WORK_PACKET:
                self.work_queue = append_packet(packet, self.work_queue)
            else:
                self.device_queue = append_packet(packet, self.device_queue)
        work = self.work_queue
        if work is not None:
            index = work.datum
            if index >= 4:
                self.work_queue = work.link
                return s.queue_packet(work)
            device = self.device_queue
            if device is not None:
                self.device_queue = device.link
                device.datum = work.data[index]
                work.datum = index + 1
                return s.queue_packet(device)
        return s.wait_current()


class DeviceTask(Task):
    def __init__(self, scheduler, ident, priority):
        Task.__init__(self, scheduler, ident, priority, None, WAITING)
        self.pending = None

    def run(self, packet):
        s = self.scheduler
        if packet is None:
            held = self.pending
            if held is None:
                return s.wait_current()
            self.pending = None
            return s.queue_packet(held)
        self.pending = packet
        return s.hold_current()


class Scheduler:
    def __init__(self):
        self.task_list = None
        self.tasks = [None, None, None, None, None, None]
        self.current = None
        self.queue_count = 0
        self.hold_count = 0

    def wait_current(self):
        task = self.current
        task.state = task.state | WAITING
        return task

    def hold_current(self):
        self.hold_count += 1
        task = self.current
        task.state = task.state | HOLDING
        return task.link

    def release(self, ident):
        task = self.tasks[ident]
        task.state = task.state & (PENDING | WAITING)
        if task.priority > self.current.priority:
            return task
        return self.current

    def queue_packet(self, packet):
        target = self.tasks[packet.destination]
        self.queue_count += 1
        packet.link = None
        packet.destination = self.current.ident
        if target.queue is None:
            target.queue = packet
            target.state = target.state | PENDING
            if target.priority > self.current.priority:
                return target
        else:
            target.queue = append_packet(packet, target.queue)
        return self.current

    def schedule(self):
        task = self.task_list
        while task is not None:
            state = task.state
            if (state & HOLDING) != 0 or state == WAITING:
                task = task.link
                continue
            packet = None
            if state == (WAITING | PENDING):
                packet = task.queue
                task.queue = packet.link
                if task.queue is None:
                    task.state = 0
                else:
                    task.state = PENDING
            self.current = task
            task = task.run(packet)


def run_richards():
    s = Scheduler()
    IdleTask(s, IDLE, 0, IDLE_COUNT)

    queue = Packet(None, IDLE, WORK_PACKET)
    queue = Packet(queue, IDLE, WORK_PACKET)
    WorkerTask(s, WORKER, 1000, queue)

    queue = Packet(None, DEVICE_A, DEVICE_PACKET)
    queue = Packet(queue, DEVICE_A, DEVICE_PACKET)
    queue = Packet(queue, DEVICE_A, DEVICE_PACKET)
    HandlerTask(s, HANDLER_A, 2000, queue)

    queue = Packet(None, DEVICE_B, DEVICE_PACKET)
    queue = Packet(queue, DEVICE_B, DEVICE_PACKET)
    queue = Packet(queue, DEVICE_B, DEVICE_PACKET)
    HandlerTask(s, HANDLER_B, 3000, queue)

    DeviceTask(s, DEVICE_A, 4000)
    DeviceTask(s, DEVICE_B, 5000)

    s.schedule()
    return s


def benchmark():
    for r in range(RUNS_PER_ITERATION):
        s = run_richards()
        if s.queue_count != EXPECTED_QUEUE_COUNT or s.hold_count != EXPECTED_HOLD_COUNT:
            fail("queue count %d, hold count %d (expected %d, %d)"
                 % (s.queue_count, s.hold_count, EXPECTED_QUEUE_COUNT, EXPECTED_HOLD_COUNT))


def main():
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_ITERATIONS
    for i in range(iterations):
        start = time.perf_counter()
        benchmark()
        elapsed = (time.perf_counter() - start) * 1000.0
        print(f"richards iteration {i}: {elapsed:.3f} ms")
    print("richards: OK")


main()
