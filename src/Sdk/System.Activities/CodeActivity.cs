namespace System.Activities
{
    /// <summary>An activity whose behaviour is the code of its Execute method.</summary>
    public abstract class CodeActivity : Activity
    {
        protected CodeActivity()
        {
        }

        protected abstract void Execute(CodeActivityContext context);

        internal override object ExecuteCore(CodeActivityContext context)
        {
            Execute(context);
            return null;
        }
    }

    /// <summary>A code activity that returns a value, which the host stores in its Result argument.</summary>
    public abstract class CodeActivity<TResult> : Activity<TResult>
    {
        protected CodeActivity()
        {
        }

        protected abstract TResult Execute(CodeActivityContext context);

        internal override object ExecuteCore(CodeActivityContext context)
        {
            return Execute(context);
        }
    }
}
