package ru.smetabot.sandbox.persistence;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import ru.smetabot.sandbox.state.StoredFile;

/**
 * The Jackson mapper of the saved world. The state classes stay plain Java: their fields are written and read
 * directly (final ones too), getters are ignored, unknown fields in an older or newer file are skipped, and a
 * field missing from the file keeps the value its constructor gives it. A state class without a no-argument
 * constructor is made with its longest constructor and placeholder arguments (zero, false, null, or a record
 * of placeholders) before its fields are filled, so adding a field or constructor parameter to a state class
 * needs no change here. A {@link StoredFile} is written as its metadata and the hash of its bytes, which
 * {@link Blobs} keeps as a separate file.
 */
final class WorldMapper {

    private static final String STATE_PACKAGE = "ru.smetabot.sandbox.";

    private WorldMapper() {
    }

    static JsonMapper create(Blobs blobs) {
        SimpleModule module = new SimpleModule("sandbox-world") {
            @Override
            public void setupModule(SetupContext context) {
                super.setupModule(context);
                context.addValueInstantiators(new PlaceholderInstantiators());
            }
        };
        module.addSerializer(StoredFile.class, new StoredFileSerializer(blobs));
        module.addDeserializer(StoredFile.class, new StoredFileDeserializer(blobs));
        return JsonMapper.builder()
                .changeDefaultVisibility(v -> v.withVisibility(PropertyAccessor.GETTER, Visibility.NONE)
                        .withVisibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
                        .withVisibility(PropertyAccessor.SETTER, Visibility.NONE)
                        .withVisibility(PropertyAccessor.FIELD, Visibility.ANY))
                .enable(MapperFeature.ALLOW_FINAL_FIELDS_AS_MUTATORS)
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                // Instants (who viewed a post when) as epoch milliseconds: much faster to write and read than text.
                .enable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DateTimeFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
                .disable(DateTimeFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
                .addModule(module)
                .build();
    }

    private static final class StoredFileSerializer extends ValueSerializer<StoredFile> {

        private final Blobs blobs;

        StoredFileSerializer(Blobs blobs) {
            this.blobs = blobs;
        }

        @Override
        public void serialize(StoredFile file, JsonGenerator gen, SerializationContext context) {
            gen.writeStartObject();
            gen.writeStringProperty("fileId", file.fileId());
            gen.writeStringProperty("fileUniqueId", file.fileUniqueId());
            gen.writeStringProperty("fileName", file.fileName());
            gen.writeStringProperty("mimeType", file.mimeType());
            gen.writeNumberProperty("size", file.size());
            gen.writeStringProperty("sha256", blobs.register(file));
            gen.writeEndObject();
        }
    }

    private static final class StoredFileDeserializer extends ValueDeserializer<StoredFile> {

        private final Blobs blobs;

        StoredFileDeserializer(Blobs blobs) {
            this.blobs = blobs;
        }

        @Override
        public StoredFile deserialize(JsonParser parser, DeserializationContext context) {
            Map<String, String> fields = new HashMap<>();
            for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                parser.nextToken();
                fields.put(name, parser.currentToken() == JsonToken.VALUE_NULL ? null : parser.getValueAsString());
            }
            String fileId = fields.get("fileId");
            String hash = fields.get("sha256");
            return new StoredFile(fileId, fields.get("fileUniqueId"), fields.get("fileName"), fields.get("mimeType"),
                    blobs.read(hash == null ? "" : hash, fileId));
        }
    }

    /** Makes state classes that have no no-argument constructor; their fields are filled afterwards. */
    private static final class PlaceholderInstantiators implements ValueInstantiators {

        @Override
        public ValueInstantiator findValueInstantiator(DeserializationConfig config,
                BeanDescription.Supplier description) {
            return null;
        }

        @Override
        public ValueInstantiator modifyValueInstantiator(DeserializationConfig config,
                BeanDescription.Supplier description, ValueInstantiator standard) {
            Class<?> type = description.getBeanClass();
            if (!type.getName().startsWith(STATE_PACKAGE) || type.isRecord() || type.isInterface()
                    || type.isEnum() || hasNoArgumentConstructor(type)) {
                return standard;
            }
            return new Placeholder(type);
        }

        private static boolean hasNoArgumentConstructor(Class<?> type) {
            return Arrays.stream(type.getDeclaredConstructors()).anyMatch(c -> c.getParameterCount() == 0);
        }
    }

    private static final class Placeholder extends ValueInstantiator.Base {

        private final Constructor<?> constructor;

        Placeholder(Class<?> type) {
            super(type);
            constructor = Arrays.stream(type.getDeclaredConstructors())
                    .max(Comparator.comparingInt(Constructor::getParameterCount)).orElseThrow();
            constructor.setAccessible(true);
        }

        @Override
        public boolean canCreateUsingDefault() {
            return true;
        }

        @Override
        public Object createUsingDefault(DeserializationContext context) {
            return construct(constructor);
        }

        private static Object construct(Constructor<?> constructor) {
            Object[] arguments = Arrays.stream(constructor.getParameterTypes()).map(Placeholder::placeholder)
                    .toArray();
            try {
                return constructor.newInstance(arguments);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot make a " + constructor.getDeclaringClass().getSimpleName()
                        + " to load the saved world into", e);
            }
        }

        private static Object placeholder(Class<?> type) {
            if (type == boolean.class) {
                return false;
            }
            if (type == char.class) {
                return '\0';
            }
            if (type.isPrimitive()) {
                return switch (type.getName()) {
                    case "long" -> 0L;
                    case "int" -> 0;
                    case "short" -> (short) 0;
                    case "byte" -> (byte) 0;
                    case "double" -> 0d;
                    default -> 0f;
                };
            }
            if (type.isRecord()) {
                Class<?>[] components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType)
                        .toArray(Class<?>[]::new);
                try {
                    Constructor<?> canonical = type.getDeclaredConstructor(components);
                    canonical.setAccessible(true);
                    return construct(canonical);
                } catch (NoSuchMethodException e) {
                    throw new IllegalStateException(type + " has no canonical constructor", e);
                }
            }
            return null;
        }
    }
}
