-- Version 10 (issue 16, "your own data"): how each data source's series answer the built-in
-- dashboards' inputs. One row per source and input. probe is what the last probe found (the chosen
-- binding, the candidates with their scores, what was missing; JSON written by
-- io.vigia.datasources.bindings.store); override is the user's own binding, which a later probe
-- never changes and which wins over the probe.
CREATE TABLE telemetry_bindings (
    source        TEXT NOT NULL,
    input         TEXT NOT NULL,
    probe         TEXT,
    probed_at     INTEGER,
    override      TEXT,
    overridden_at INTEGER,
    PRIMARY KEY (source, input)
) STRICT;
