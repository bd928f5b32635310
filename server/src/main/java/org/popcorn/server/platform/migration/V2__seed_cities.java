package org.popcorn.server.platform.migration;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.popcorn.server.city.SearchKey;

/**
 * Seeds the city catalogue from {@code db/seed/cities.csv} (open data; source and licence in
 * {@code db/seed/CITIES-SOURCE.md}). Each city gets ids 1..n in file order and one searchable name per distinct
 * normalised spelling: its name, its ASCII name and its local names (北京, 成都 ...).
 */
public class V2__seed_cities extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("db/seed/cities.csv");
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
             PreparedStatement city = c.prepareStatement("insert into city (id, source_id, name, ascii_name, country_code, "
                     + "region, time_zone, latitude, longitude, population) values (?,?,?,?,?,?,?,?,?,?)");
             PreparedStatement name = c.prepareStatement("insert into city_name (city_id, name, search_key) values (?,?,?)")) {
            long id = 0;
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                id++;
                city.setLong(1, id);
                city.setString(2, r.get(0));
                city.setString(3, r.get("name"));
                city.setString(4, r.get("ascii_name"));
                city.setString(5, r.get("country_code"));
                city.setString(6, r.get("region"));
                city.setString(7, r.get("time_zone"));
                city.setDouble(8, Double.parseDouble(r.get("latitude")));
                city.setDouble(9, Double.parseDouble(r.get("longitude")));
                city.setLong(10, Long.parseLong(r.get("population")));
                city.addBatch();
                Set<String> seen = new LinkedHashSet<>();
                addName(name, id, r.get("name"), seen);
                addName(name, id, r.get("ascii_name"), seen);
                String local = r.get("local_names");
                if (local != null && !local.isBlank()) {
                    for (String n : local.split("\\|")) {
                        addName(name, id, n, seen);
                    }
                }
                if (id % 500 == 0) {
                    city.executeBatch();
                    name.executeBatch();
                }
            }
            city.executeBatch();
            name.executeBatch();
        }
    }

    private static void addName(PreparedStatement ps, long id, String n, Set<String> seen) throws Exception {
        if (n == null || n.isBlank()) {
            return;
        }
        String key = SearchKey.of(n);
        if (key.isEmpty() || !seen.add(key)) {
            return;
        }
        ps.setLong(1, id);
        ps.setString(2, n.strip().length() > 200 ? n.strip().substring(0, 200) : n.strip());
        ps.setString(3, key);
        ps.addBatch();
    }
}
