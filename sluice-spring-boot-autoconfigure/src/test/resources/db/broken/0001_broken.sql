insert into no_such_table values (1);
