import { responsePathAsArray, type GraphQLResolveInfo } from 'graphql';

/** A field's place in the response, which its permission rule and the access-log middleware both see. */
export function pathKey(info: GraphQLResolveInfo): string {
  return responsePathAsArray(info.path).join('.');
}
