"""The website: checker results turned into pages, charts and downloads, without MkDocs."""
