package dev.sluice.bench;

/** Hand-written SQL shared by raw JDBC and jdbi (the statements a careful developer would write). */
final class Sql {
  private Sql() {}

  static final String CUSTOMER_COLS = "id, company_name, contact_name, contact_title, address, city, postal_code, region, country, phone, fax";
  static final String CUSTOMERS_PAGE = "select " + CUSTOMER_COLS + " from customers order by id limit ? offset ?";
  static final String CUSTOMER_BY_ID = "select " + CUSTOMER_COLS + " from customers where id = ?";
  static final String CUSTOMER_SEARCH = "select " + CUSTOMER_COLS
      + " from customers where to_tsvector('english', company_name) @@ to_tsquery('english', ?) order by id";
  static final String EMPLOYEE_COLS = "id, last_name, first_name, title, title_of_courtesy, birth_date, hire_date, city, country, extension, notes, recipient_id";
  static final String EMPLOYEES_PAGE = "select " + EMPLOYEE_COLS + " from employees order by id limit ? offset ?";
  static final String EMPLOYEE_WITH_RECIPIENT = "select e.id, e.last_name, e.first_name, e.title, e.title_of_courtesy,"
      + " e.birth_date, e.hire_date, e.city, e.country, e.extension, e.notes, e.recipient_id,"
      + " r.id, r.last_name, r.first_name, r.title, r.title_of_courtesy, r.birth_date, r.hire_date, r.city, r.country,"
      + " r.extension, r.notes, r.recipient_id from employees e left join employees r on r.id = e.recipient_id where e.id = ?";
  static final String SUPPLIER_COLS = "id, company_name, contact_name, contact_title, address, city, region, postal_code, country, phone";
  static final String SUPPLIERS_PAGE = "select " + SUPPLIER_COLS + " from suppliers order by id limit ? offset ?";
  static final String SUPPLIER_BY_ID = "select " + SUPPLIER_COLS + " from suppliers where id = ?";
  static final String PRODUCT_COLS = "id, name, qt_per_unit, unit_price, units_in_stock, units_on_order, reorder_level, discontinued, supplier_id";
  static final String PRODUCTS_PAGE = "select " + PRODUCT_COLS + " from products order by id limit ? offset ?";
  static final String PRODUCT_WITH_SUPPLIER = "select p.id, p.name, p.qt_per_unit, p.unit_price, p.units_in_stock,"
      + " p.units_on_order, p.reorder_level, p.discontinued, p.supplier_id, s.id, s.company_name, s.contact_name,"
      + " s.contact_title, s.address, s.city, s.region, s.postal_code, s.country, s.phone"
      + " from products p left join suppliers s on s.id = p.supplier_id where p.id = ?";
  static final String PRODUCT_SEARCH = "select " + PRODUCT_COLS
      + " from products where to_tsvector('english', name) @@ to_tsquery('english', ?) order by id";
  static final String ORDER_SUMMARY_SELECT = "select o.id, o.shipped_date, o.ship_name, o.ship_city, o.ship_country,"
      + " count(d.product_id), sum(d.quantity), sum(d.quantity * d.unit_price)"
      + " from orders o left join order_details d on d.order_id = o.id";
  static final String ORDERS_PAGE = ORDER_SUMMARY_SELECT + " group by o.id order by o.id limit ? offset ?";
  static final String ORDER_SUMMARY = ORDER_SUMMARY_SELECT + " where o.id = ? group by o.id";
  static final String ORDER_WITH_DETAILS = "select o.id, o.order_date, o.required_date, o.shipped_date, o.ship_via,"
      + " o.freight, o.ship_name, o.ship_city, o.ship_country, o.customer_id, o.employee_id,"
      + " d.unit_price, d.quantity, d.discount, d.order_id, d.product_id,"
      + " p.id, p.name, p.qt_per_unit, p.unit_price, p.units_in_stock, p.units_on_order, p.reorder_level, p.discontinued, p.supplier_id"
      + " from orders o left join order_details d on d.order_id = o.id left join products p on p.id = d.product_id"
      + " where o.id = ? order by d.product_id";
  static final String WORLD = "select id, randomnumber from world where id = ?";
  static final String UPDATE_WORLD = "update world set randomnumber = ? where id = ?";
  static final String FORTUNES = "select id, message from fortune";
  static final String INSERT_CUSTOMER = "insert into w_customers (company_name, contact_name, city, country) values (?, ?, ?, ?)";
  static final String INSERT_CUSTOMER_RETURNING = INSERT_CUSTOMER + " returning id";
  static final String INSERT_ORDER = "insert into w_orders (customer_id, order_date) values (?, ?) returning id";
  static final String INSERT_LINE = "insert into w_lines (order_id, product_id, quantity) values (?, ?, ?)";
  static final String COPY_CUSTOMERS = "COPY w_customers (company_name, contact_name, city, country) FROM STDIN (FORMAT text)";
}
