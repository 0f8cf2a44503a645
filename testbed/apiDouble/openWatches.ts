// The watch streams the server holds open, so tests can drop them and send bookmarks, and stop()
// can end them.
export interface OpenWatch {
  /** Writes a BOOKMARK event at the current resourceVersion, if the client allowed bookmarks. */
  bookmark(): boolean;
  end(mode: 'end' | 'destroy'): void;
}

export class OpenWatches {
  private readonly open = new Set<OpenWatch>();
  private readonly waiters: (() => void)[] = [];

  add(watch: OpenWatch): () => void {
    this.open.add(watch);
    for (const wake of this.waiters.splice(0)) wake();
    return () => this.open.delete(watch);
  }

  get count(): number {
    return this.open.size;
  }

  /** Resolves once at least `n` watches are open: tests start a watch, then wait for the server to hold it. */
  async waitForCount(n: number, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.open.size < n) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${n} open watches, have ${this.open.size}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  bookmarkAll(): number {
    return [...this.open].filter((w) => w.bookmark()).length;
  }

  dropAll(mode: 'end' | 'destroy'): number {
    const all = [...this.open];
    this.open.clear();
    for (const w of all) w.end(mode);
    return all.length;
  }
}
