package dev.sluice.query;

import dev.sluice.sql.QueryPart;

/** Something that can stand in a select list: a field or a whole table ({@code t.*}). */
public interface SelectItem extends QueryPart {}
