package io.nextorm.kit;

import io.nextorm.mapping.Column;
import io.nextorm.mapping.Table;
import io.nextorm.testkit.DatabaseTestKit;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One-to-one: Account.profile is a unique foreign key, Profile.account its reverse side (no column),
 * loaded with one more SELECT per query, usable in conditions and lambdas, and kept consistent at flush.
 */
class OneToOneTest extends DatabaseTestKit {

    @Override
    protected List<Class<?>> entities() {
        return List.of(Profile.class, Account.class);
    }

    private long selects() {
        return db.localStats().entrySet().stream().filter(e -> e.getKey().startsWith("SELECT"))
                .mapToLong(e -> e.getValue().count()).sum();
    }

    /** ann has the profile "writer", bob none; the profile "orphan" has no account. */
    private void people() {
        Account ann = new Account("ann");
        ann.profile = new Profile("writer");
        Account bob = new Account("bob");
        Profile orphan = new Profile("orphan");
        await(db.session(s -> Mono.fromRunnable(() -> List.of(ann, bob, orphan).forEach(s::add))));
        db.clearLocalStats();
    }

    private Profile profile(String bio) {
        return await(db.aselect(Profile.class).filter(Profile_.bio.eq(bio)).getOrRaise());
    }

    @Test
    void theOwningSideHasAUniqueForeignKeyAndTheReverseSideNoColumn() {
        Table account = db.schema().get("account");
        Table profile = db.schema().get("profile");

        assertThat(account.column("profile_id").orElseThrow().unique()).isTrue();
        assertThat(account.foreignKeys()).singleElement().satisfies(fk -> assertThat(fk.referencedTable()).isEqualTo("profile"));
        assertThat(profile.columns()).extracting(Column::name).containsExactly("id", "bio");
    }

    @Test
    void theDatabaseRefusesTwoAccountsWithOneProfile() {
        people();
        Long writer = profile("writer").id;

        assertThatThrownBy(() -> await(db.execute("UPDATE account SET profile_id = ? WHERE name = ?", writer, "bob")))
                .isInstanceOfSatisfying(io.nextorm.SqlExecutionException.class, e -> assertThat(e.isIntegrityViolation()).isTrue());
    }

    @Test
    void aQueryLoadsTheReverseSideWithOneMoreSelect() {
        people();

        List<Profile> profiles = await(db.aselect(Profile.class).orderBy(Profile_.bio.asc()).fetchAll());

        assertThat(selects()).isEqualTo(2);
        assertThat(profiles).extracting(p -> p.bio).containsExactly("orphan", "writer");
        assertThat(profiles.get(0).account).isNull();
        assertThat(profiles.get(1).account.name).isEqualTo("ann");
        assertThat(profiles.get(1).account.profile).isSameAs(profiles.get(1));
    }

    @Test
    void prefetchOfTheReverseSideIsTheSameOneMoreSelect() {
        people();

        List<Profile> profiles = await(db.aselect(Profile.class).prefetch(Profile_.account)
                .orderBy(Profile_.bio.asc()).fetchAll());

        assertThat(selects()).isEqualTo(2);
        assertThat(profiles).extracting(p -> p.account == null ? null : p.account.name).containsExactly(null, "ann");
    }

    @Test
    void theOwningSideLoadsItsProfileAsAnyReference() {
        people();

        List<Account> accounts = await(db.aselect(Account.class).prefetch(Account_.profile)
                .orderBy(Account_.name.asc()).fetchAll());

        assertThat(accounts).extracting(a -> a.profile == null ? null : a.profile.bio).containsExactly("writer", null);
        assertThat(accounts.get(0).profile.account).isSameAs(accounts.get(0));
    }

    @Test
    void aConditionGoesThroughTheReverseSide() {
        people();

        List<Profile> found = await(db.aselect(Profile.class).filter(Profile_.account.then(Account_.name).eq("ann"))
                .fetchAll());

        assertThat(found).extracting(p -> p.bio).containsExactly("writer");
    }

    @Test
    void aLambdaGoesThroughTheReverseSide() {
        people();

        List<Profile> found = await(db.aselect(Profile.class).where(p -> p.getAccount().getName().equals("ann"))
                .fetchAll());

        assertThat(found).extracting(p -> p.bio).containsExactly("writer");
    }

    @Test
    void isNullOfTheReverseSideFindsTheProfilesWithoutAccount() {
        people();

        List<Profile> orphans = await(db.aselect(Profile.class).filter(Profile_.account.isNull()).fetchAll());
        List<Profile> owned = await(db.aselect(Profile.class).filter(Profile_.account.isNotNull()).fetchAll());

        assertThat(orphans).extracting(p -> p.bio).containsExactly("orphan");
        assertThat(owned).extracting(p -> p.bio).containsExactly("writer");
    }

    @Test
    void settingTheReverseSideInASessionWritesTheOwningForeignKey() {
        people();

        await(db.session(s -> db.aselect(Profile.class).filter(Profile_.bio.eq("orphan")).getOrRaise()
                .zipWith(db.aselect(Account.class).filter(Account_.name.eq("bob")).getOrRaise())
                .doOnNext(both -> both.getT1().account = both.getT2())));

        Account bob = await(db.aselect(Account.class).filter(Account_.name.eq("bob")).prefetch(Account_.profile).getOrRaise());
        assertThat(bob.profile.bio).isEqualTo("orphan");
        assertThat(profile("orphan").account.name).isEqualTo("bob");
    }

    @Test
    void clearingTheReverseSideInASessionClearsTheOwningForeignKey() {
        people();

        await(db.session(s -> db.aselect(Profile.class).filter(Profile_.bio.eq("writer")).getOrRaise()
                .doOnNext(writer -> writer.account = null)));

        assertThat(profile("writer").account).isNull();
        Account ann = await(db.aselect(Account.class).filter(Account_.name.eq("ann")).getOrRaise());
        assertThat(ann.profile).isNull();
    }

    @Test
    void movingAProfileToAnotherAccountMovesTheForeignKey() {
        people();

        await(db.session(s -> db.aselect(Profile.class).filter(Profile_.bio.eq("writer")).getOrRaise()
                .zipWith(db.aselect(Account.class).filter(Account_.name.eq("bob")).getOrRaise())
                .doOnNext(both -> both.getT1().account = both.getT2())));

        assertThat(profile("writer").account.name).isEqualTo("bob");
        Account ann = await(db.aselect(Account.class).filter(Account_.name.eq("ann")).getOrRaise());
        assertThat(ann.profile).isNull();
    }

    @Test
    void settingTheOwningSideInASessionIsSeenFromTheReverseSide() {
        people();

        await(db.session(s -> db.aselect(Account.class).filter(Account_.name.eq("bob")).getOrRaise()
                .zipWith(db.aselect(Profile.class).filter(Profile_.bio.eq("orphan")).getOrRaise())
                .doOnNext(both -> both.getT1().profile = both.getT2())));

        assertThat(profile("orphan").account.name).isEqualTo("bob");
    }

    @Test
    void deletingTheReverseSideClearsTheOwningReference() {
        people();

        Account ann = await(db.session(s -> db.aselect(Profile.class).filter(Profile_.bio.eq("writer")).getOrRaise()
                .flatMap(writer -> db.adeleteInstance(writer).thenReturn(writer.account))));

        assertThat(ann.profile).isNull();
        assertThat(await(db.aselect(Account.class).filter(Account_.name.eq("ann")).getOrRaise()).profile).isNull();
        assertThat(await(db.aselect(Profile.class).count())).isEqualTo(1);
    }

    @Test
    void deletingTheOwningSideLeavesTheProfileWithoutAccount() {
        people();

        await(db.aselect(Account.class).filter(Account_.name.eq("ann")).getOrRaise().flatMap(db::adeleteInstance));

        assertThat(profile("writer").account).isNull();
    }
}
