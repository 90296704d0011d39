/* Site scripts beyond the theme. The task-table filters are in tables.js. */
