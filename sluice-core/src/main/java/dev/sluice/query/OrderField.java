package dev.sluice.query;

import dev.sluice.sql.QueryPart;

/** Something that can stand in ORDER BY: a field (ascending) or a {@link SortField}. */
public interface OrderField extends QueryPart {}
