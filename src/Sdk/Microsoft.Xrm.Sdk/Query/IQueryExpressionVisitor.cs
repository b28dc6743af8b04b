namespace Microsoft.Xrm.Sdk.Query
{
    public interface IQueryExpressionVisitor
    {
        QueryExpression Visit(QueryExpression query);
    }
}
