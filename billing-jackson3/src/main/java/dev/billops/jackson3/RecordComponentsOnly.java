package dev.billops.jackson3;

import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.ser.BeanPropertyWriter;
import tools.jackson.databind.ser.ValueSerializerModifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes BillOps records as exactly their components. Without it Jackson would also write
 * derived "is" methods ({@code Invoice.isDraft()} as {@code "draft"}, {@code TimeEntry.isOpen()}),
 * which are not state and which the canonical constructor cannot take back.
 */
final class RecordComponentsOnly extends ValueSerializerModifier {

    private static final long serialVersionUID = 1L;

    @Override
    public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription.Supplier beanDesc,
            List<BeanPropertyWriter> beanProperties) {
        Class<?> type = beanDesc.getBeanClass();
        if (!type.isRecord() || !type.getName().startsWith("dev.billops.")) {
            return beanProperties;
        }
        Set<String> components = new HashSet<>();
        for (RecordComponent c : type.getRecordComponents()) {
            components.add(c.getName());
        }
        List<BeanPropertyWriter> kept = new ArrayList<>(beanProperties.size());
        for (BeanPropertyWriter w : beanProperties) {
            if (components.contains(w.getName())) {
                kept.add(w);
            }
        }
        return kept;
    }
}
