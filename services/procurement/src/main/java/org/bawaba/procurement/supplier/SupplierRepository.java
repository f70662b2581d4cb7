package org.bawaba.procurement.supplier;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bawaba.procurement.web.Text;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SupplierRepository {

	private static final String COLUMNS = """
			s.id, s.registration_number, s.name_en, s.name_ar, s.sells, s.subscriptions, s.contact_email,
			s.contact_phone, s.contact_person, s.created_at, s.updated_at,
			array(select m.subject from supplier_member m where m.supplier_id = s.id order by m.subject) as members""";

	private final JdbcClient db;

	SupplierRepository(JdbcClient db) {
		this.db = db;
	}

	void insert(UUID id, Requests.Profile profile, String member, Instant now) {
		db.sql("""
				insert into supplier (id, registration_number, name_en, name_ar, sells, subscriptions, contact_email,
				  contact_phone, contact_person, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, profile.registrationNumber(), profile.name().en(), profile.name().ar(),
					profile.sells().toArray(String[]::new), profile.sells().toArray(String[]::new),
					profile.contact().email(), profile.contact().phone(), profile.contact().person(), Timestamp.from(now),
					Timestamp.from(now))
			.update();
		db.sql("insert into supplier_member (subject, supplier_id) values (?, ?)").params(member, id).update();
	}

	void update(UUID id, Requests.Profile profile, Instant now) {
		db.sql("""
				update supplier set name_en = ?, name_ar = ?, sells = ?, contact_email = ?, contact_phone = ?,
				  contact_person = ?, updated_at = ? where id = ?""")
			.params(profile.name().en(), profile.name().ar(), profile.sells().toArray(String[]::new),
					profile.contact().email(), profile.contact().phone(), profile.contact().person(),
					Timestamp.from(now), id)
			.update();
	}

	void subscribe(UUID id, List<String> categories, Instant now) {
		db.sql("update supplier set subscriptions = ?, updated_at = ? where id = ?")
			.params(categories.toArray(String[]::new), Timestamp.from(now), id)
			.update();
	}

	boolean registrationNumberTaken(String number) {
		return db.sql("select count(*) from supplier where registration_number = ?").param(number)
			.query(Long.class).single() > 0;
	}

	Optional<Supplier> find(UUID id) {
		return db.sql("select " + COLUMNS + " from supplier s where s.id = ?").param(id).query(this::map).optional();
	}

	Optional<Supplier> ofMember(String subject) {
		return db.sql("select " + COLUMNS + " from supplier s join supplier_member m on m.supplier_id = s.id "
				+ "where m.subject = ?").param(subject).query(this::map).optional();
	}

	List<Supplier> list(@Nullable String category, int page, int size) {
		return db.sql("select " + COLUMNS + " from supplier s where (cast(:category as text) is null "
				+ "or :category = any(s.sells)) order by s.name_en, s.id limit :size offset :offset")
			.param("category", category)
			.param("size", size)
			.param("offset", page * size)
			.query(this::map)
			.list();
	}

	long count(@Nullable String category) {
		return db.sql("select count(*) from supplier s where (cast(:category as text) is null or :category = any(s.sells))")
			.param("category", category)
			.query(Long.class)
			.single();
	}

	private Supplier map(ResultSet rs, int row) throws SQLException {
		return new Supplier(rs.getObject("id", UUID.class), rs.getString("registration_number"),
				new Text(rs.getString("name_en"), rs.getString("name_ar")), strings(rs.getArray("sells")),
				strings(rs.getArray("subscriptions")),
				new Supplier.Contact(rs.getString("contact_email"), rs.getString("contact_phone"),
						rs.getString("contact_person")),
				strings(rs.getArray("members")), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

	private static List<String> strings(Array array) throws SQLException {
		return Arrays.asList((String[]) array.getArray());
	}

}
