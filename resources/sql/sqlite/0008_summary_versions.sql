-- Every signed-off summary of a result is kept as a version: signing off again, or changing a
-- summary the client has already been told (which needs a reason), adds a version and never
-- overwrites one. test_results.summary is the newest version's text.
CREATE TABLE result_summary_versions (
    id        INTEGER PRIMARY KEY,
    result_id INTEGER NOT NULL REFERENCES test_results (id) ON DELETE CASCADE,
    version   INTEGER NOT NULL CHECK (version >= 1),
    summary   TEXT NOT NULL,
    signed_by INTEGER REFERENCES users (id),
    signed_at TEXT NOT NULL,
    reason    TEXT NOT NULL DEFAULT '',
    UNIQUE (result_id, version)
);

-- Summaries signed off before versions were kept are their result's first version.
INSERT INTO result_summary_versions (result_id, version, summary, signed_by, signed_at)
SELECT id, 1, summary, summary_signed_by, summary_signed_at
FROM test_results WHERE summary_signed_at IS NOT NULL;
