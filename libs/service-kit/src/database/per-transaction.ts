import type { EntityManager } from 'typeorm';

/**
 * A value that lives exactly as long as one transaction: keyed by the transaction's
 * EntityManager, so it goes when the transaction does. Outside a transaction there is nothing
 * to end its life, so there is no value.
 */
export class PerTransaction<T> {
  private readonly byManager = new WeakMap<EntityManager, T>();

  constructor(private readonly create: () => T) {}

  of(manager: EntityManager): T | undefined {
    if (!manager.queryRunner?.isTransactionActive) return undefined;
    const known = this.byManager.get(manager) ?? this.create();
    this.byManager.set(manager, known);
    return known;
  }

  forget(manager: EntityManager): void {
    this.byManager.delete(manager);
  }
}
