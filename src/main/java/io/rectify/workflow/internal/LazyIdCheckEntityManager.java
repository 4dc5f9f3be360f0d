package io.rectify.workflow.internal;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine's entity manager, checking each new row's id without first describing the row.
 * Camunda's own check builds its error message, the entity's whole {@code toString()}, before it
 * looks at the id, for every row any command inserts: a tenth of the JVM's time in a process
 * start, most of it describing history rows (issue 5, a profile of the benchmark). Here the id is
 * looked at first; an id the engine refuses (none, or {@code *}) still goes to the engine's own
 * check, so the exception and its message are the engine's.
 */
class LazyIdCheckEntityManager extends DbEntityManager {

    /** The reserved id the engine refuses for a row ({@code EnsureUtil.ensureValidIndividualResourceId}). */
    private static final String ANY_RESOURCE = "*";

    LazyIdCheckEntityManager(IdGenerator idGenerator, PersistenceSession persistenceSession) {
        super(idGenerator, persistenceSession);
    }

    @Override
    protected void validateId(DbEntity entity) {
        String id = entity.getId();
        if (id == null || ANY_RESOURCE.equals(id)) {
            super.validateId(entity);
        }
    }

    /** Opens this entity manager for every command, as the engine's factory opens its own. */
    static class Factory extends DbEntityManagerFactory {

        Factory(IdGenerator idGenerator) {
            super(idGenerator);
        }

        @Override
        public DbEntityManager openSession() {
            PersistenceSession persistence = Context.getCommandContext().getSession(PersistenceSession.class);
            return new LazyIdCheckEntityManager(idGenerator, persistence);
        }
    }

    /** Puts the factory in the engine's place once the engine has made its own (and its id generator). */
    @Component
    static class Plugin extends AbstractProcessEnginePlugin {
        @Override
        public void postInit(ProcessEngineConfigurationImpl configuration) {
            configuration.getSessionFactories().put(DbEntityManager.class, new Factory(configuration.getIdGenerator()));
        }
    }
}
