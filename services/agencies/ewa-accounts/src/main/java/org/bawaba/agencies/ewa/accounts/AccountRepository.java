package org.bawaba.agencies.ewa.accounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

	private static final RowMapper<Account> ROW = (rows, i) -> new Account(rows.getObject("id", UUID.class),
			rows.getString("citizen"), rows.getString("number"), Account.Type.valueOf(rows.getString("type")),
			new Address(rows.getString("line1"), rows.getString("line2"), rows.getString("city"),
					rows.getString("postal_code")),
			rows.getString("phone"), rows.getTimestamp("opened_at").toInstant(),
			rows.getTimestamp("updated_at").toInstant());

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts the account; false when its number is taken. */
	boolean insert(Account account) {
		Address address = account.address();
		return jdbc.sql("""
				insert into account (id, citizen, number, type, line1, line2, city, postal_code, phone, opened_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (number) do nothing""")
			.params(account.id(), account.citizen(), account.number(), account.type().name(), address.line1(),
					address.line2(), address.city(), address.postalCode(), account.phone(),
					Timestamp.from(account.openedAt()), Timestamp.from(account.updatedAt()))
			.update() == 1;
	}

	Optional<Account> find(UUID id) {
		return jdbc.sql("select * from account where id = ?").param(id).query(ROW).optional();
	}

	List<Account> ofCitizen(String citizen) {
		return jdbc.sql("select * from account where citizen = ? order by opened_at").param(citizen).query(ROW).list();
	}

	/** Moves every account of the citizen to the new address; how many there were. */
	int moveAll(String citizen, Address address, Instant at) {
		return jdbc.sql("""
				update account set line1 = ?, line2 = ?, city = ?, postal_code = ?, updated_at = ? where citizen = ?""")
			.params(address.line1(), address.line2(), address.city(), address.postalCode(), Timestamp.from(at), citizen)
			.update();
	}

	/** Sets the phone of every account of the citizen; how many there were. */
	int rephoneAll(String citizen, String phone, Instant at) {
		return jdbc.sql("update account set phone = ?, updated_at = ? where citizen = ?")
			.params(phone, Timestamp.from(at), citizen)
			.update();
	}

}
