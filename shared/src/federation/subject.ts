import { isObjectType, type GraphQLNamedType } from 'graphql';

/** A record whose type has this field is about the person it names (a person, a disaster victim, a shareholder...). */
export const SUBJECT_KEY = 'nationalId';

/** Whether records of this type name their own subject. */
export function namesOwnSubject(type: GraphQLNamedType): boolean {
  return isObjectType(type) && type.getFields()[SUBJECT_KEY] !== undefined;
}
