package org.candor;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.boot.model.TypeContributor;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.descriptor.java.PrimitiveByteArrayJavaType;
import org.hibernate.type.descriptor.jdbc.BinaryJdbcType;
import org.hibernate.type.internal.BasicTypeImpl;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/**
 * Makes {@code byte[]} the type of JDBC {@code BINARY}, as PostgreSQL's driver reports {@code bytea}. Hibernate knew
 * {@code byte[]} only as {@code VARBINARY}, so for each {@code bytea} column of a native query (the log's leaves, the
 * head's roots: every append) it made a type of its own and tried to register it outside its bootstrap, creating and
 * swallowing an exception, stack trace and all, on every execution (#19). Both are {@code bytea} on PostgreSQL, bound
 * and read alike. Quarkus applies this as the persistence unit's extension.
 */
@ApplicationScoped
@PersistenceUnitExtension
public class ByteaAsBinary implements TypeContributor {

    @Override
    public void contribute(TypeContributions contributions, ServiceRegistry services) {
        contributions.getTypeConfiguration().getBasicTypeRegistry().register(
                new BasicTypeImpl<>(PrimitiveByteArrayJavaType.INSTANCE, BinaryJdbcType.INSTANCE),
                byte[].class.getName(), byte[].class.getTypeName());
    }
}
