-- Name search of one or two characters (issue 15 item 2): trigrams need three characters, so a
-- search for 王 or 王芳 across all students scanned the table. name_grams(name) is the set of the
-- lower-cased name's single characters and pairs of neighbouring characters; a GIN index on it
-- answers `name_grams(name) @> ARRAY[q]` for any q of one or two characters exactly.
CREATE FUNCTION name_grams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT COST 1000 AS $$
  SELECT ARRAY(SELECT DISTINCT substr(lower(t), i, n) FROM generate_series(1, length(t)) AS i, (VALUES (1), (2)) AS v(n) WHERE i + n - 1 <= length(t))
$$;--> statement-breakpoint
CREATE INDEX "students_name_grams_idx" ON "students" USING gin (name_grams("name"));
