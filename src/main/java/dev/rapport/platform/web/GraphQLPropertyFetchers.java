package dev.rapport.platform.web;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import graphql.GraphQLException;
import graphql.TrivialDataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.graphql.SmallRyeGraphQLServerLogging;
import io.smallrye.graphql.execution.datafetcher.PlugableDataFetcher;
import io.smallrye.graphql.execution.datafetcher.helper.FieldHelper;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.spi.ClassloadingService;
import io.smallrye.graphql.spi.DataFetcherService;
import io.smallrye.graphql.transformation.AbstractDataFetcherException;

/**
 * Serves the GraphQL fields that are properties of a view (a record component or getter, not an operation) without
 * SmallRye GraphQL's per-field {@code Context}. SmallRye's own property fetcher fills that context for every field it
 * serves (a copy of the request's context, the field's path as a string, its selected fields as JSON, twice) and
 * clears it again, for the benefit of getters that read the context; ours are plain accessors of immutable views,
 * so the context was built and thrown away for each of the thousands of fields a page of customers has
 * (bench/FINDINGS.md, 2026-11-24 27e3ee8). Formats and adapters still apply, through SmallRye's own field helper.
 * <p>
 * Plugged in through SmallRye GraphQL's {@link DataFetcherService} SPI ({@code META-INF/services}). Quarkus' own
 * service answers only for operations, so the two do not overlap; should this one not be found (a native image
 * without its service file), SmallRye falls back to its own property fetcher and only the saving is lost.
 */
@RegisterForReflection
public class GraphQLPropertyFetchers implements DataFetcherService {

    @Override
    public Integer getPriority() {
        return 0;
    }

    @Override
    public PlugableDataFetcher<Object> getFieldDataFetcher(Field field, Type type, Reference owner) {
        return new PropertyFetcher(field, owner);
    }

    /** Reads one property of the source object; the accessor is looked up on first use, as SmallRye does. */
    static final class PropertyFetcher implements PlugableDataFetcher<Object>, TrivialDataFetcher<Object> {

        private final Field field;
        private final Reference owner;
        private final FieldHelper helper;
        private volatile Accessor accessor;

        PropertyFetcher(Field field, Reference owner) {
            this.field = field;
            this.owner = owner;
            this.helper = new FieldHelper(field);
        }

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            Accessor read = accessor;
            if (read == null) {
                read = accessor();
                accessor = read;
            }
            Object value = read.get(environment.getSource());
            try {
                return helper.transformOrAdaptResponse(value, environment);
            } catch (AbstractDataFetcherException e) {
                // as SmallRye's fetcher does: logged, and the untransformed value rather than none
                SmallRyeGraphQLServerLogging.log.transformError(e);
                return value;
            }
        }

        private Accessor accessor() {
            try {
                Class<?> type = ClassloadingService.get().loadClass(owner.getClassName());
                if (field.getMethodName() == null) {
                    java.lang.reflect.Field property = type.getField(field.getPropertyName());
                    return property::get;
                }
                Method getter = type.getMethod(field.getMethodName());
                return source -> {
                    try {
                        return getter.invoke(source);
                    } catch (InvocationTargetException e) {
                        throw e.getCause() instanceof Exception cause ? cause : e;
                    }
                };
            } catch (ReflectiveOperationException e) {
                throw new GraphQLException(e);
            }
        }
    }

    @FunctionalInterface
    private interface Accessor {
        Object get(Object source) throws Exception;
    }
}
