"""The site's own search: one tokenizer for index and query, an index sharded by term, loaded lazily."""
