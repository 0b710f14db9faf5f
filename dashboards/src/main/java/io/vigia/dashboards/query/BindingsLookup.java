package io.vigia.dashboards.query;

import io.vigia.datasources.bindings.ContractBindings;
import io.vigia.datasources.bindings.SourceBindings;

/**
 * The bindings of a query's data source ("" is the dashboard's default). The app and the CLI
 * answer with what the workspace keeps for the source, probing it on first use; without a
 * workspace, {@link #CONTRACT} reads every source as Vigia's own contract. Blocking.
 */
@FunctionalInterface
public interface BindingsLookup {
    /** Every source read as Vigia's own contract (docs/telemetry.md): the built-ins as they always were. */
    BindingsLookup CONTRACT = ContractBindings::of;

    SourceBindings of(String dataSource);
}
