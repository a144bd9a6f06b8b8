package io.nextorm.internal.session;

import io.nextorm.internal.execution.EntityLoader;
import io.r2dbc.spi.Readable;
import io.nextorm.internal.mapping.EntityModel;


/**
 * The loader outside a session: every row becomes a new object, every foreign key a new reference
 * holding only the key (remembered as a stub, so that it is never saved as if loaded).
 */
final class NewObjectLoader implements EntityLoader {

    private final WeakIdentitySet stubs;
    private final WeakIdentitySet loadedComposites;

    NewObjectLoader(WeakIdentitySet stubs, WeakIdentitySet loadedComposites) {
        this.stubs = stubs;
        this.loadedComposites = loadedComposites;
    }

    @Override
    public <T> T load(EntityModel<T> model, Object id, Readable row, RowFill<T> fill, EntityLoader references) {
        T entity = model.newInstance();
        fill.fill(entity, row, references, id);
        if (model.key().composite()) {
            // asave() of it updates: a composite key cannot tell a new object from a stored one
            loadedComposites.add(entity);
        }
        return entity;
    }

    @Override
    public Object reference(EntityModel<?> target, Object id) {
        Object stub = target.newInstance();
        target.key().assign(stub, id, this::reference);
        stubs.add(stub);
        return stub;
    }
}
