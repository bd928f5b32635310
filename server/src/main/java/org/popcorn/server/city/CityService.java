package org.popcorn.server.city;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.popcorn.server.language.Language;
import org.popcorn.server.common.Page;
import org.popcorn.server.common.ProblemException;

/**
 * The city catalogue: search by name prefix in any of a city's names (case- and accent-insensitive, local names
 * included, through the {@code city_name.search_key} index), and admin upkeep (add, retire, reinstate).
 */
@ApplicationScoped
public class CityService {

    private static final Logger LOG = Logger.getLogger(CityService.class.getName());

    @PersistenceContext(unitName = "popcorn")
    EntityManager em;

    public City get(long id) {
        City c = em.find(City.class, id);
        if (c == null) {
            throw ProblemException.notFound("No city with id " + id + ".").withCode("city.not-found");
        }
        return c;
    }

    /** An active (not retired) city, for a member's home city or a round's candidate; 422 naming the field otherwise. */
    public City requireActive(Long id, String field) {
        if (id == null) {
            throw ProblemException.unprocessable("Choose a city.", field).withCode("city.missing");
        }
        City c = em.find(City.class, id);
        if (c == null || c.retired()) {
            throw ProblemException.unprocessable("There is no active city with id " + id + ".", field).withCode("city.not-active");
        }
        return c;
    }

    /**
     * Cities whose name, ASCII name or a local name starts with the query, biggest first. An empty query lists all.
     * Retired cities only when asked for.
     */
    public Page<City> search(String q, String country, boolean includeRetired, int page, int size) {
        String key = SearchKey.of(q);
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (!key.isEmpty()) {
            // an uncorrelated IN: the names matching the prefix are found once through the search_key index, instead of a
            // correlated EXISTS evaluated for each of the catalogue's cities (twice, with the count)
            where.append(" and c.id in (select n.cityId from CityName n where n.searchKey like :key)");
        }
        if (country != null && !country.isBlank()) {
            where.append(" and c.countryCode = :country");
        }
        if (!includeRetired) {
            where.append(" and c.retiredAt is null");
        }
        var query = em.createQuery("select c from City c" + where + " order by c.population desc, c.id", City.class);
        var count = em.createQuery("select count(c) from City c" + where, Long.class);
        if (!key.isEmpty()) {
            String like = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            query.setParameter("key", like);
            count.setParameter("key", like);
        }
        if (country != null && !country.isBlank()) {
            query.setParameter("country", country.strip().toUpperCase());
            count.setParameter("country", country.strip().toUpperCase());
        }
        List<City> items = query.setFirstResult(page * size).setMaxResults(size).getResultList();
        return new Page<>(items, page, size, count.getSingleResult());
    }

    /** Chinese names of cities, found once each ("" when the catalogue has none). */
    private final java.util.concurrent.ConcurrentHashMap<Long, String> chineseNames = new java.util.concurrent.ConcurrentHashMap<>();

    /** The city's name in the current request's language ({@link Language}): its Chinese name for 简体中文 readers. */
    public String displayName(City c) {
        return displayName(c, Language.current());
    }

    /** The city's name in {@code lang}. */
    public String displayName(City c, String lang) {
        if (!Language.CHINESE.equals(lang)) {
            return c.name();
        }
        String zh = chineseNames.computeIfAbsent(c.id(), id -> em.createQuery("select n.name from CityName n where n.cityId = :id",
                String.class).setParameter("id", id).getResultList().stream()
                .filter(n -> n.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN))
                .sorted(java.util.Comparator.comparingInt(String::length)).findFirst().orElse(""));
        return zh.isEmpty() ? c.name() : zh;
    }

    /** The name of the city with this id in {@code lang}; null when there is no such city. */
    public String displayName(long cityId, String lang) {
        City c = em.find(City.class, cityId);
        return c == null ? null : displayName(c, lang);
    }

    /** A city in short, named in the reader's language. */
    public CityRef ref(City c) {
        CityRef r = new CityRef();
        r.id = c.id();
        r.name = displayName(c);
        r.countryCode = c.countryCode();
        r.timeZone = c.zone().getId();
        return r;
    }

    /** Every name of these cities except their main name, for display ("北京" under "Beijing"). */
    public Map<Long, List<String>> otherNames(List<Long> cityIds) {
        if (cityIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select n from CityName n where n.cityId in :ids order by n.cityId, n.searchKey", CityName.class)
                .setParameter("ids", cityIds).getResultList().stream()
                .collect(Collectors.groupingBy(CityName::cityId, Collectors.mapping(CityName::name, Collectors.toList())));
    }

    @Transactional
    public City add(NewCity n) {
        ZoneId zone;
        try {
            zone = ZoneId.of(n.timeZone.strip());
        } catch (DateTimeException e) {
            throw ProblemException.unprocessable("'" + n.timeZone + "' is not an IANA time zone (e.g. Asia/Shanghai).", "timeZone").withCode("city.bad-time-zone");
        }
        String ascii = n.asciiName == null || n.asciiName.isBlank() ? SearchKey.of(n.name) : n.asciiName.strip();
        City c = new City(n.name.strip(), ascii, n.countryCode, n.region, zone, n.latitude, n.longitude,
                n.population == null ? 0 : n.population);
        em.persist(c);
        em.flush();
        Set<String> keys = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        names.add(c.name());
        names.add(ascii);
        if (n.otherNames != null) {
            n.otherNames.forEach(x -> names.add(x.strip()));
        }
        for (String name : names) {
            CityName cn = new CityName(c.id(), name);
            if (!cn.searchKey().isEmpty() && keys.add(cn.searchKey())) {
                em.persist(cn);
            }
        }
        LOG.info(() -> "event=city.added id=" + c.id() + " name=" + c.name());
        return c;
    }

    @Transactional
    public City setRetired(long id, boolean retired) {
        City c = get(id);
        if (retired) {
            c.retire(java.time.Instant.now());
        } else {
            c.reinstate();
        }
        LOG.info(() -> "event=city." + (retired ? "retired" : "reinstated") + " id=" + id);
        return c;
    }
}
