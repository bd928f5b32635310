package org.popcorn.plugins.booths;

import java.util.List;
import org.popcorn.api.PluginContext;
import org.popcorn.api.PluginProblem;
import org.popcorn.plugins.booths.BoothsForms.ProductForm;
import org.popcorn.plugins.booths.BoothsViews.Product;
import org.popcorn.plugins.support.Check;
import org.popcorn.plugins.support.PluginJdbi;

/** The catalogue of products booths show, kept by organisers. A product in use is retired, never deleted. */
final class Products {

    private final PluginContext ctx;
    private final PluginJdbi db;

    Products(PluginContext ctx, PluginJdbi db) {
        this.ctx = ctx;
        this.db = db;
    }

    List<Product> list() {
        return db.with(h -> h.createQuery("select * from booths_product order by retired, name, id").map((rs, c) -> product(rs)).list());
    }

    Product get(long id) {
        return db.with(h -> h.createQuery("select * from booths_product where id = :id").bind("id", id).map((rs, c) -> product(rs))
                .findOne()).orElseThrow(() -> PluginProblem.notFound("No product " + id + ".").withCode("booths.product-not-found"));
    }

    Product create(ProductForm f) {
        requireOrganiser();
        return createAs(f);
    }

    Product createAs(ProductForm f) {
        if (f == null) {
            throw PluginProblem.invalid("Send a product: code, name, description.", null).withCode("booths.missing-body");
        }
        String code = Check.code(f.code, "code");
        String name = Check.text(f.name, "name", 100, true);
        String description = Check.text(f.description, "description", 1000, false);
        long id = db.with(h -> h.createUpdate("insert into booths_product (code, name, description) values (:c, :n, :d)")
                .bind("c", code).bind("n", name).bind("d", description).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        ctx.log().info("event=booths.product-created product=" + id + " code=" + code);
        return get(id);
    }

    Product update(long id, ProductForm f) {
        requireOrganiser();
        Product p = get(id);
        if (f == null) {
            throw PluginProblem.invalid("Send the product's name, description and retired.", null).withCode("booths.missing-body");
        }
        String name = f.name == null ? p.name() : Check.text(f.name, "name", 100, true);
        String description = f.description == null ? p.description() : Check.text(f.description, "description", 1000, false);
        boolean retired = f.retired == null ? p.retired() : f.retired;
        db.with(h -> h.createUpdate("update booths_product set name = :n, description = :d, retired = :r where id = :id")
                .bind("n", name).bind("d", description).bind("r", retired).bind("id", id).execute());
        return get(id);
    }

    /** The products of these ids, refusing unknown or retired ones. */
    List<Long> checkIds(List<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            throw PluginProblem.invalid("Choose at least one product to show.", "productIds").withCode("booths.no-products");
        }
        List<Long> distinct = ids.stream().distinct().toList();
        for (Long id : distinct) {
            if (id == null) {
                throw PluginProblem.invalid("A product id is a number.", "productIds").withCode("booths.invalid-product-id");
            }
            Product p = db.with(h -> h.createQuery("select * from booths_product where id = :id").bind("id", id).map((rs, c) -> product(rs))
                    .findOne()).orElseThrow(() -> PluginProblem.invalid("There is no product " + id + ".", "productIds").withCode("booths.unknown-product"));
            if (p.retired()) {
                throw PluginProblem.invalid("The product '" + p.name() + "' is retired.", "productIds").withCode("booths.product-retired");
            }
        }
        return distinct;
    }

    private void requireOrganiser() {
        ctx.currentMember().require();
        if (!ctx.currentMember().isOrganiser()) {
            throw PluginProblem.forbidden("Organisers keep the product catalogue.").withCode("booths.organiser-required");
        }
    }

    private static Product product(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Product(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("description"), rs.getBoolean("retired"));
    }
}
