package ru.smetabot.model.clients;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
class ClientStatusConverter implements AttributeConverter<ClientStatus, String> {

    @Override
    public String convertToDatabaseColumn(ClientStatus status) {
        return status == null ? null : status.dbValue();
    }

    @Override
    public ClientStatus convertToEntityAttribute(String value) {
        return value == null ? null : ClientStatus.fromDb(value);
    }
}
