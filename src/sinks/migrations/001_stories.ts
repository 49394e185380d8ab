import type { Migration } from './index.js';

/**
 * The current story per id (indexed for the usual questions: by source, time, section, status)
 * and every revision. Unqualified names: the runner sets the search path to the sink's schema.
 */
export const storiesMigration: Migration = {
  version: 1,
  name: 'stories',
  sql: `
    CREATE TABLE stories (
      id text PRIMARY KEY,
      version integer NOT NULL CHECK (version >= 1),
      source_id text NOT NULL,
      published_at timestamptz,
      updated_at timestamptz,
      section text,
      pub_status text NOT NULL,
      revision_kind text,
      headline text NOT NULL,
      url text,
      content_hash text NOT NULL,
      json jsonb NOT NULL,
      written_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX stories_source_id_idx ON stories (source_id);
    CREATE INDEX stories_published_at_idx ON stories (published_at);
    CREATE INDEX stories_section_idx ON stories (section);
    CREATE INDEX stories_pub_status_idx ON stories (pub_status);

    CREATE TABLE story_revisions (
      id text NOT NULL,
      version integer NOT NULL CHECK (version >= 1),
      pub_status text NOT NULL,
      content_hash text NOT NULL,
      json jsonb NOT NULL,
      written_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (id, version)
    );
  `,
};
