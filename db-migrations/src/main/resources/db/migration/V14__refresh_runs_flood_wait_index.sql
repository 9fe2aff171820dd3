-- The accounts in a flood wait (RefreshRuns' "flooded": a room's latest finished run failed with a flood
-- wait whose retry_at is ahead) are found from the flood-wait runs alone, not from the latest run of every
-- room: each back-off check of a periodic batch read every room's latest run, quadratic per cycle at 10 000
-- rooms. Few runs are flood waits, so the index stays small.
CREATE INDEX refresh_runs_flood_wait_idx ON analytics.refresh_runs (retry_at, channel_id)
    WHERE reason = 'flood_wait';
