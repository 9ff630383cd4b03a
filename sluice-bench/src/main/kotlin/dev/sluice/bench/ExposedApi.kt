package dev.sluice.bench

import dev.sluice.bench.Model.Customer
import dev.sluice.bench.Model.DetailWithProduct
import dev.sluice.bench.Model.Employee
import dev.sluice.bench.Model.EmployeeWithRecipient
import dev.sluice.bench.Model.Fortune
import dev.sluice.bench.Model.NewCustomer
import dev.sluice.bench.Model.NewLine
import dev.sluice.bench.Model.OrderSummary
import dev.sluice.bench.Model.OrderWithDetails
import dev.sluice.bench.Model.Product
import dev.sluice.bench.Model.ProductWithSupplier
import dev.sluice.bench.Model.Supplier
import dev.sluice.bench.Model.World
import java.time.LocalDate
import javax.sql.DataSource
import org.jetbrains.exposed.v1.core.Alias
import org.jetbrains.exposed.v1.core.Column
import org.jetbrains.exposed.v1.core.ComparisonOp
import org.jetbrains.exposed.v1.core.CustomFunction
import org.jetbrains.exposed.v1.core.DoubleColumnType
import org.jetbrains.exposed.v1.core.Expression
import org.jetbrains.exposed.v1.core.JoinType
import org.jetbrains.exposed.v1.core.Op
import org.jetbrains.exposed.v1.core.ResultRow
import org.jetbrains.exposed.v1.core.Table
import org.jetbrains.exposed.v1.core.TextColumnType
import org.jetbrains.exposed.v1.core.alias
import org.jetbrains.exposed.v1.core.castTo
import org.jetbrains.exposed.v1.core.count
import org.jetbrains.exposed.v1.core.dao.id.EntityID
import org.jetbrains.exposed.v1.core.dao.id.IdTable
import org.jetbrains.exposed.v1.core.eq
import org.jetbrains.exposed.v1.core.statements.BatchUpdateStatement
import org.jetbrains.exposed.v1.core.stringLiteral
import org.jetbrains.exposed.v1.core.stringParam
import org.jetbrains.exposed.v1.core.sum
import org.jetbrains.exposed.v1.core.times
import org.jetbrains.exposed.v1.javatime.date
import org.jetbrains.exposed.v1.jdbc.Database
import org.jetbrains.exposed.v1.jdbc.Query
import org.jetbrains.exposed.v1.jdbc.batchInsert
import org.jetbrains.exposed.v1.jdbc.insert
import org.jetbrains.exposed.v1.jdbc.select
import org.jetbrains.exposed.v1.jdbc.selectAll
import org.jetbrains.exposed.v1.jdbc.statements.BatchUpdateBlockingExecutable
import org.jetbrains.exposed.v1.jdbc.transactions.TransactionManager
import org.jetbrains.exposed.v1.jdbc.transactions.transaction

/**
 * JetBrains Exposed with its typed SQL DSL (no DAO entities): tables as Kotlin `object`s,
 * `Database.connect(ds)` and one `transaction(db) { }` per call. The nested reads are one joined
 * query each, as an Exposed DSL user writes them (`Products leftJoin Suppliers` through the declared
 * foreign key, a self-join on an alias for the employee's recipient, orders left join details left
 * join products), assembled in Kotlin; this sidesteps the DAO's lazy references and their N+1.
 * Full-text search is a custom `@@` operator over `CustomFunction`s (Exposed has no full-text
 * support); inserts use `insert { } get id` and `batchInsert` without returning generated keys;
 * updates use `BatchUpdateStatement` (the JDBC batch the DAO flushes with). Exposed has no COPY API.
 *
 * Every call is an explicit transaction (autocommit off), so reads pay a COMMIT round trip that
 * raw JDBC's autocommit reads do not. Reads are not `readOnly = true`: through a DataSource, Exposed
 * 1.4 then sets the isolation level on every transaction, one more round trip
 * (`SET SESSION CHARACTERISTICS ...`) before `BEGIN READ ONLY`.
 */
class ExposedApi(ds: DataSource) : Api {
  private val db = Database.connect(ds)

  private object Customers : Table("customers") {
    val id = integer("id")
    val companyName = text("company_name")
    val contactName = text("contact_name")
    val contactTitle = text("contact_title")
    val address = text("address")
    val city = text("city")
    val postalCode = text("postal_code").nullable()
    val region = text("region").nullable()
    val country = text("country")
    val phone = text("phone")
    val fax = text("fax").nullable()
    override val primaryKey = PrimaryKey(id)
  }

  private object Employees : Table("employees") {
    val id = integer("id")
    val lastName = text("last_name")
    val firstName = text("first_name").nullable()
    val title = text("title")
    val titleOfCourtesy = text("title_of_courtesy")
    val birthDate = date("birth_date")
    val hireDate = date("hire_date")
    val city = text("city")
    val country = text("country")
    val extension = integer("extension")
    val notes = text("notes")
    val recipientId = integer("recipient_id").references(id).nullable()
    override val primaryKey = PrimaryKey(id)
  }

  private object Suppliers : Table("suppliers") {
    val id = integer("id")
    val companyName = text("company_name")
    val contactName = text("contact_name")
    val contactTitle = text("contact_title")
    val address = text("address")
    val city = text("city")
    val region = text("region").nullable()
    val postalCode = text("postal_code")
    val country = text("country")
    val phone = text("phone")
    override val primaryKey = PrimaryKey(id)
  }

  private object Products : Table("products") {
    val id = integer("id")
    val name = text("name")
    val qtPerUnit = text("qt_per_unit")
    val unitPrice = double("unit_price")
    val unitsInStock = integer("units_in_stock")
    val unitsOnOrder = integer("units_on_order")
    val reorderLevel = integer("reorder_level")
    val discontinued = integer("discontinued")
    val supplierId = integer("supplier_id").references(Suppliers.id)
    override val primaryKey = PrimaryKey(id)
  }

  private object Orders : Table("orders") {
    val id = integer("id")
    val orderDate = date("order_date")
    val requiredDate = date("required_date")
    val shippedDate = date("shipped_date").nullable()
    val shipVia = integer("ship_via")
    val freight = double("freight")
    val shipName = text("ship_name")
    val shipCity = text("ship_city")
    val shipCountry = text("ship_country")
    val customerId = integer("customer_id")
    val employeeId = integer("employee_id")
    override val primaryKey = PrimaryKey(id)
  }

  private object OrderDetails : Table("order_details") {
    val unitPrice = double("unit_price")
    val quantity = integer("quantity")
    val discount = double("discount")
    val orderId = integer("order_id").references(Orders.id)
    val productId = integer("product_id").references(Products.id)
    override val primaryKey = PrimaryKey(orderId, productId)
  }

  /** An IdTable so that the TechEmpower updates can go out as one [BatchUpdateStatement]. */
  private object Worlds : IdTable<Int>("world") {
    override val id = integer("id").entityId()
    val randomNumber = integer("randomnumber")
    override val primaryKey = PrimaryKey(id)
  }

  private object Fortunes : Table("fortune") {
    val id = integer("id")
    val message = text("message")
  }

  private object NewCustomers : Table("w_customers") {
    val id = integer("id").autoIncrement()
    val companyName = text("company_name")
    val contactName = text("contact_name")
    val city = text("city")
    val country = text("country")
    override val primaryKey = PrimaryKey(id)
  }

  private object NewOrders : Table("w_orders") {
    val id = integer("id").autoIncrement()
    val customerId = integer("customer_id")
    val orderDate = date("order_date")
    override val primaryKey = PrimaryKey(id)
  }

  private object NewLines : Table("w_lines") {
    val orderId = integer("order_id").references(NewOrders.id)
    val productId = integer("product_id")
    val quantity = integer("quantity")
  }

  /** PostgreSQL's `tsvector @@ tsquery`, which Exposed does not have. */
  private class TsMatch(vector: Expression<*>, query: Expression<*>) : ComparisonOp(vector, query, "@@")

  /** `to_tsvector('english', column) @@ to_tsquery('english', ?)` with the prefix query `prefix:*` bound. */
  private fun matchesPrefix(column: Column<String>, prefix: String): Op<Boolean> = TsMatch(
      CustomFunction("to_tsvector", TextColumnType(), stringLiteral("english"), column),
      CustomFunction("to_tsquery", TextColumnType(), stringLiteral("english"), stringParam("$prefix:*")))

  private val recipient: Alias<Employees> = Employees.alias("r")

  private val productsCount = OrderDetails.productId.count()
  private val quantitySum = OrderDetails.quantity.sum()
  private val totalPrice = (OrderDetails.quantity.castTo(DoubleColumnType()) * OrderDetails.unitPrice).sum()
  private val orderSummaryQuery: Query
    get() = (Orders leftJoin OrderDetails).select(Orders.id, Orders.shippedDate, Orders.shipName, Orders.shipCity,
        Orders.shipCountry, productsCount, quantitySum, totalPrice).groupBy(Orders.id)

  private fun <T> read(block: () -> T): T = transaction(db) { block() }

  private fun ResultRow.customer() = Customer(this[Customers.id], this[Customers.companyName],
      this[Customers.contactName], this[Customers.contactTitle], this[Customers.address], this[Customers.city],
      this[Customers.postalCode], this[Customers.region], this[Customers.country], this[Customers.phone],
      this[Customers.fax])

  /** The employee's columns, from the table itself or from [alias] of it. */
  private fun ResultRow.employee(alias: Alias<Employees>? = null): Employee {
    fun <T> col(c: Column<T>): T = this[if (alias == null) c else alias[c]]
    return Employee(col(Employees.id), col(Employees.lastName), col(Employees.firstName), col(Employees.title),
        col(Employees.titleOfCourtesy), col(Employees.birthDate), col(Employees.hireDate), col(Employees.city),
        col(Employees.country), col(Employees.extension), col(Employees.notes), col(Employees.recipientId))
  }

  private fun ResultRow.supplier() = Supplier(this[Suppliers.id], this[Suppliers.companyName],
      this[Suppliers.contactName], this[Suppliers.contactTitle], this[Suppliers.address], this[Suppliers.city],
      this[Suppliers.region], this[Suppliers.postalCode], this[Suppliers.country], this[Suppliers.phone])

  private fun ResultRow.product() = Product(this[Products.id], this[Products.name], this[Products.qtPerUnit],
      this[Products.unitPrice], this[Products.unitsInStock], this[Products.unitsOnOrder],
      this[Products.reorderLevel], this[Products.discontinued], this[Products.supplierId])

  private fun ResultRow.summary() = OrderSummary(this[Orders.id], this[Orders.shippedDate], this[Orders.shipName],
      this[Orders.shipCity], this[Orders.shipCountry], this[productsCount],
      getOrNull(quantitySum)?.toLong(), getOrNull(totalPrice)) // sums are NULL for an order without details

  private fun ResultRow.world() = World(this[Worlds.id].value, this[Worlds.randomNumber])

  override fun customersPage(limit: Int, offset: Int): List<Customer> = read {
    Customers.selectAll().orderBy(Customers.id).limit(limit).offset(offset.toLong()).map { it.customer() }
  }

  override fun customerById(id: Int): Customer? = read {
    Customers.selectAll().where { Customers.id eq id }.singleOrNull()?.customer()
  }

  override fun customerSearch(prefix: String): List<Customer> = read {
    Customers.selectAll().where { matchesPrefix(Customers.companyName, prefix) }.orderBy(Customers.id)
        .map { it.customer() }
  }

  override fun employeesPage(limit: Int, offset: Int): List<Employee> = read {
    Employees.selectAll().orderBy(Employees.id).limit(limit).offset(offset.toLong()).map { it.employee() }
  }

  override fun employeeWithRecipient(id: Int): EmployeeWithRecipient? = read {
    Employees.join(recipient, JoinType.LEFT, Employees.recipientId, recipient[Employees.id])
        .selectAll().where { Employees.id eq id }.singleOrNull()?.let { row ->
          val e = row.employee()
          val r = if (row.getOrNull(recipient[Employees.id]) == null) null else row.employee(recipient)
          EmployeeWithRecipient(e.id, e.lastName, e.firstName, e.title, e.titleOfCourtesy, e.birthDate, e.hireDate,
              e.city, e.country, e.extension, e.notes, e.recipientId, r)
        }
  }

  override fun suppliersPage(limit: Int, offset: Int): List<Supplier> = read {
    Suppliers.selectAll().orderBy(Suppliers.id).limit(limit).offset(offset.toLong()).map { it.supplier() }
  }

  override fun supplierById(id: Int): Supplier? = read {
    Suppliers.selectAll().where { Suppliers.id eq id }.singleOrNull()?.supplier()
  }

  override fun productsPage(limit: Int, offset: Int): List<Product> = read {
    Products.selectAll().orderBy(Products.id).limit(limit).offset(offset.toLong()).map { it.product() }
  }

  override fun productWithSupplier(id: Int): ProductWithSupplier? = read {
    (Products leftJoin Suppliers).selectAll().where { Products.id eq id }.singleOrNull()?.let { row ->
      val p = row.product()
      val s = if (row.getOrNull(Suppliers.id) == null) null else row.supplier()
      ProductWithSupplier(p.id, p.name, p.qtPerUnit, p.unitPrice, p.unitsInStock, p.unitsOnOrder, p.reorderLevel,
          p.discontinued, p.supplierId, s)
    }
  }

  override fun productSearch(prefix: String): List<Product> = read {
    Products.selectAll().where { matchesPrefix(Products.name, prefix) }.orderBy(Products.id).map { it.product() }
  }

  override fun ordersPage(limit: Int, offset: Int): List<OrderSummary> = read {
    orderSummaryQuery.orderBy(Orders.id).limit(limit).offset(offset.toLong()).map { it.summary() }
  }

  override fun orderSummary(id: Int): OrderSummary? = read {
    orderSummaryQuery.where { Orders.id eq id }.singleOrNull()?.summary()
  }

  override fun orderWithDetails(id: Int): OrderWithDetails? = read {
    val rows = (Orders leftJoin OrderDetails leftJoin Products).selectAll().where { Orders.id eq id }
        .orderBy(OrderDetails.productId).toList()
    rows.firstOrNull()?.let { o ->
      val details = rows.filter { it.getOrNull(OrderDetails.orderId) != null }.map {
        DetailWithProduct(it[OrderDetails.unitPrice], it[OrderDetails.quantity], it[OrderDetails.discount],
            it[OrderDetails.orderId], it[OrderDetails.productId], it.product())
      }
      OrderWithDetails(o[Orders.id], o[Orders.orderDate], o[Orders.requiredDate], o[Orders.shippedDate],
          o[Orders.shipVia], o[Orders.freight], o[Orders.shipName], o[Orders.shipCity], o[Orders.shipCountry],
          o[Orders.customerId], o[Orders.employeeId], details)
    }
  }

  private fun selectWorld(id: Int): World = Worlds.selectAll().where { Worlds.id eq id }.single().world()

  override fun world(id: Int): World = read { selectWorld(id) }

  override fun worlds(ids: IntArray): List<World> = read { ids.map { selectWorld(it) } }

  override fun fortunes(): List<Fortune> =
      Api.withExtraSorted(read { Fortunes.selectAll().mapTo(ArrayList()) { Fortune(it[Fortunes.id], it[Fortunes.message]) } })

  override fun updates(ids: IntArray, numbers: IntArray): List<World> = transaction(db) {
    val read = ids.map { selectWorld(it) }
    val batch = BatchUpdateStatement(Worlds)
    val out = read.mapIndexed { i, w ->
      batch.addBatch(EntityID(w.id, Worlds))
      batch[Worlds.randomNumber] = numbers[i]
      World(w.id, numbers[i])
    }
    BatchUpdateBlockingExecutable(batch).execute(this)
    out
  }

  override fun insertReturning(c: NewCustomer): Int = transaction(db) {
    NewCustomers.insert {
      it[companyName] = c.companyName
      it[contactName] = c.contactName
      it[city] = c.city
      it[country] = c.country
    } get NewCustomers.id
  }

  override fun batchInsert(rows: List<NewCustomer>) {
    transaction(db) {
      NewCustomers.batchInsert(rows, shouldReturnGeneratedValues = false) {
        this[NewCustomers.companyName] = it.companyName
        this[NewCustomers.contactName] = it.contactName
        this[NewCustomers.city] = it.city
        this[NewCustomers.country] = it.country
      }
    }
  }

  override fun nestedCreate(customerId: Int, lines: List<NewLine>): Int = transaction(db) {
    val orderId = NewOrders.insert {
      it[NewOrders.customerId] = customerId
      it[orderDate] = LocalDate.of(2024, 1, 1)
    } get NewOrders.id
    NewLines.batchInsert(lines, shouldReturnGeneratedValues = false) {
      this[NewLines.orderId] = orderId
      this[NewLines.productId] = it.productId
      this[NewLines.quantity] = it.quantity
    }
    orderId
  }

  /** Exposed has no COPY API; its users drop to pgjdbc's CopyManager. */
  override fun copyInsert(rows: List<NewCustomer>): Unit = throw UnsupportedOperationException("Exposed has no COPY API")

  override fun close() {
    TransactionManager.closeAndUnregister(db)
  }
}
