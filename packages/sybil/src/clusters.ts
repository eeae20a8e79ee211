import type { TMemberSignals } from './signals';

/** Two fundings from one wallet this close together link their members (a chain of such gaps is one group). */
export const FUNDING_WINDOW_MS = 30 * 60_000;
/** Sign-ins from one network within this long count together. */
export const BURST_WINDOW_MS = 10 * 60_000;
/** A burst: this many distinct members or more from one network inside the window. */
export const BURST_MEMBERS = 5;

/** For one member: how many others each kind of evidence ties it to. */
export interface MemberLinks {
  sharedDevice: number;
  sameFunder: number;
  burst: number;
}

export interface ClusterLinks {
  byMember: Map<string, MemberLinks>;
  /** Connected groups of two or more members, each sorted, largest first. */
  clusters: string[][];
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let root = x;
    for (let up = this.parent.get(root); up !== undefined && up !== root; up = this.parent.get(root))
      root = up;
    this.parent.set(x, root);
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

interface Event {
  member: string;
  key: string;
  at: number;
}
const byKeyThenTime = (x: Event, y: Event) => (x.key < y.key ? -1 : x.key > y.key ? 1 : x.at - y.at);

/**
 * Ties members together by three kinds of evidence (docs/product/sybil.md): a shared device; the same
 * funding wallet, each funding within 30 minutes of the previous; and a burst of sign-ins from one
 * network (5 or more members within 10 minutes). Runs in O(n log n) over the events.
 */
export function linkMembers(members: readonly TMemberSignals[]): ClusterLinks {
  const byMember = new Map<string, MemberLinks>();
  for (const m of members) byMember.set(m.memberId, { sharedDevice: 0, sameFunder: 0, burst: 0 });
  const uf = new UnionFind();
  const raise = (member: string, kind: keyof MemberLinks, others: number) => {
    const links = byMember.get(member);
    if (links && others > links[kind]) links[kind] = others;
  };
  /** Ties a group; `others` is how many members the evidence spans besides each one (default: the group). */
  const tie = (group: Iterable<string>, kind: keyof MemberLinks, others?: number) => {
    const ids = [...new Set(group)];
    if (ids.length < 2) return;
    for (const id of ids) {
      raise(id, kind, others ?? ids.length - 1);
      uf.union(ids[0] as string, id);
    }
  };

  const devices = members.flatMap((m) =>
    m.signIns.flatMap((s) => (s.device ? [{ member: m.memberId, key: s.device, at: 0 }] : [])),
  );
  for (const group of runs(devices.sort(byKeyThenTime), () => true)) tie(group, 'sharedDevice');

  const fundings = members
    .flatMap((m) =>
      m.wallets.flatMap((w) =>
        w.fundedBy ? [{ member: m.memberId, key: w.fundedBy.wallet, at: w.fundedBy.at.getTime() }] : [],
      ),
    )
    .sort(byKeyThenTime);
  for (const group of runs(fundings, (prev, next) => next.at - prev.at <= FUNDING_WINDOW_MS))
    tie(group, 'sameFunder');

  const signIns = members
    .flatMap((m) => m.signIns.map((s) => ({ member: m.memberId, key: s.network, at: s.at.getTime() })))
    .sort(byKeyThenTime);
  markBursts(signIns, (group, size) => tie(group, 'burst', size - 1));

  const groups = new Map<string, string[]>();
  for (const m of members) {
    const root = uf.find(m.memberId);
    groups.set(root, [...(groups.get(root) ?? []), m.memberId]);
  }
  const clusters = [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => g.sort())
    .sort((a, b) => b.length - a.length || ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1));
  return { byMember, clusters };
}

/** Consecutive events with one key, split where `together` says the next one is too far. */
function* runs(
  events: readonly Event[],
  together: (prev: Event, next: Event) => boolean,
): Generator<string[]> {
  let run: Event[] = [];
  for (const event of events) {
    const prev = run.at(-1);
    if (prev && (prev.key !== event.key || !together(prev, event))) {
      yield run.map((e) => e.member);
      run = [];
    }
    run.push(event);
  }
  if (run.length > 0) yield run.map((e) => e.member);
}

/** A sliding 10-minute window per network; every window with enough distinct members is one burst. */
function markBursts(events: readonly Event[], found: (members: string[], size: number) => void): void {
  const inWindow = new Map<string, number>();
  let start = 0;
  for (let end = 0; end < events.length; end += 1) {
    const last = events[end] as Event;
    while (start < end) {
      const first = events[start] as Event;
      if (first.key === last.key && last.at - first.at <= BURST_WINDOW_MS) break;
      const left = (inWindow.get(first.member) ?? 1) - 1;
      if (left === 0) inWindow.delete(first.member);
      else inWindow.set(first.member, left);
      start += 1;
    }
    const wasBurst = inWindow.size >= BURST_MEMBERS;
    inWindow.set(last.member, (inWindow.get(last.member) ?? 0) + 1);
    // When the window first becomes a burst, all its members are in it; afterwards each newcomer joins.
    if (inWindow.size < BURST_MEMBERS) continue;
    found(
      wasBurst ? [events[start]?.member ?? last.member, last.member] : [...inWindow.keys()],
      inWindow.size,
    );
  }
}
